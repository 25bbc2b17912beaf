import CorpusGen

/// Splits a generated giza file back into its steps, so tests can compare the two branches of each step.
///
/// Deliberately independent of `GizaStepWriter`: it reads the layout as the seed file shows it.
struct GizaStepFileReader {
    struct Branch: Equatable {
        /// The heading text as written (the print branch's still has its "Step N: " prefix).
        var heading: String
        var underline: String
        var body: [String]
    }

    struct Step {
        /// The number in the HTML branch's `sequence-step` div.
        var htmlNumber: Int
        /// The number in the print branch's "Step N: " heading.
        var printNumber: Int
        /// The HTML branch without its raw-HTML scaffolding.
        var html: Branch
        /// The print branch with "Step N: " removed from its heading and the underline shortened to match.
        var print: Branch
        /// The print branch as written.
        var printAsWritten: Branch
    }

    enum Failure: Error, CustomStringConvertible {
        case unexpected(line: Int, expected: String, found: String)

        var description: String {
            switch self {
            case .unexpected(let line, let expected, let found):
                "line \(line): expected \(expected), found \"\(found)\""
            }
        }
    }

    static let htmlOnly = ".. only:: html or dirhtml or singlehtml"
    static let printOnly = ".. only:: not(html or dirhtml or singlehtml)"
    static let openDiv = #"      <div class="sequence-block"><div class="bullet-block"><div class="sequence-step">"#
    static let closeDiv = "</div></div>"

    var steps: [Step] = []

    init(_ bytes: [UInt8]) throws {
        var lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .map(String.init)
        if lines.last == "" { lines.removeLast() }
        var index = 0

        func expect(_ wanted: String) throws {
            guard index < lines.count, lines[index] == wanted else {
                throw Failure.unexpected(
                    line: index + 1, expected: "\"\(wanted)\"",
                    found: index < lines.count ? lines[index] : "end of file")
            }
            index += 1
        }

        /// Lines up to (not including) the next `only` directive or the end.
        func branchLines() -> [String] {
            let start = index
            while index < lines.count, lines[index] != Self.htmlOnly, lines[index] != Self.printOnly {
                index += 1
            }
            return Array(lines[start..<index])
        }

        while index < lines.count {
            let firstLine = index + 1
            try expect(Self.htmlOnly)
            var html = branchLines()
            let scaffoldingStart = ["", "   .. raw:: html", "   "]
            let scaffoldingEnd = ["   .. raw:: html", "   ", "      </div>", ""]
            guard html.count > 6, Array(html.prefix(3)) == scaffoldingStart, Array(html.suffix(4)) == scaffoldingEnd,
                html[3].hasPrefix(Self.openDiv), html[3].hasSuffix(Self.closeDiv), html[4] == "",
                let htmlNumber = Int(html[3].dropFirst(Self.openDiv.count).dropLast(Self.closeDiv.count))
            else {
                throw Failure.unexpected(
                    line: firstLine, expected: "the raw-HTML sequence-block scaffolding",
                    found: html.joined(separator: "\\n"))
            }
            html = Array(html[5..<(html.count - 4)])

            try expect(Self.printOnly)
            var print = branchLines()
            guard print.count > 2, print[0] == "", print[1].hasPrefix("   Step "),
                let colon = print[1].firstIndex(of: ":"),
                let printNumber = Int(print[1][print[1].index(print[1].startIndex, offsetBy: 8)..<colon])
            else {
                throw Failure.unexpected(
                    line: firstLine, expected: "a \"Step N: \" heading", found: print.joined(separator: "\\n"))
            }
            print.removeFirst()

            let written = Branch(heading: print[0], underline: print[1], body: Array(print.dropFirst(2)))
            let prefixLength = "   Step \(printNumber): ".count - 3
            var stripped = written
            stripped.heading = "   " + written.heading.dropFirst(3 + prefixLength)
            stripped.underline = String(written.underline.dropLast(prefixLength))
            steps.append(
                Step(
                    htmlNumber: htmlNumber,
                    printNumber: printNumber,
                    html: Branch(heading: html[0], underline: html[1], body: Array(html.dropFirst(2))),
                    print: stripped,
                    printAsWritten: written
                )
            )
        }
    }
}
