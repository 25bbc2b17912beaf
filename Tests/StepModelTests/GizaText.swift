/// Writes giza 2017-era step files for tests: each step's two copies from their parts, so a test can
/// make one copy differ and put position markers where it expects findings.
struct GizaText {
    struct Copy {
        var number: String
        var title: String
        var body: [String]
    }

    static func html(_ copy: Copy) -> String {
        var lines = [
            ".. only:: html or dirhtml or singlehtml", "", "   .. raw:: html", "   ",
            "      <div class=\"sequence-block\"><div class=\"bullet-block\"><div class=\"sequence-step\">\(copy.number)</div></div>",
            "", "   \(copy.title)", "   " + String(repeating: "`", count: visibleCount(copy.title)), "",
        ]
        lines += copy.body.map { $0.isEmpty ? "   " : "   " + $0 }
        lines += ["", "   .. raw:: html", "   ", "      </div>", ""]
        return lines.joined(separator: "\n") + "\n"
    }

    static func print(_ copy: Copy) -> String {
        let heading = "Step \(copy.number): \(copy.title)"
        var lines = [
            ".. only:: not(html or dirhtml or singlehtml)", "", "   \(heading)",
            "   " + String(repeating: "`", count: visibleCount(heading)), "",
        ]
        lines += copy.body.map { $0.isEmpty ? "   " : "   " + $0 }
        lines.append("")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Both copies of a step that agree.
    static func step(_ number: Int, _ title: String, _ body: [String]) -> String {
        let copy = Copy(number: String(number), title: title, body: body)
        return html(copy) + "\n" + print(copy) + "\n"
    }

    /// Characters as docutils counts them, ignoring position markers.
    static func visibleCount(_ text: String) -> Int {
        var count = 0
        var remaining = Substring(text)
        outer: while !remaining.isEmpty {
            for marker in ["1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣"] where remaining.hasPrefix(marker) {
                remaining = remaining.dropFirst(marker.count)
                continue outer
            }
            count += 1
            remaining = remaining.dropFirst()
        }
        return count
    }
}
