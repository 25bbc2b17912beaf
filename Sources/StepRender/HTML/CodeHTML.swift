import StepEscaping

/// Code blocks with emphasized lines or line numbers, which cmark's code block cannot express.
enum CodeHTML {
    static func render(_ code: String, language: String?, emphasized: Set<Int>, lineNumbers: Bool) -> String {
        var html = "<pre"
        if lineNumbers { html += " class=\"line-numbers\"" }
        html += "><code"
        if let language { html += " class=\"language-\(TextEscaping.html(language))\"" }
        html += ">"
        let lines = code.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            let number = index + 1
            html += emphasized.contains(number) ? "<mark class=\"line\">" : "<span class=\"line\">"
            if lineNumbers { html += "<span class=\"line-number\">\(number)</span>" }
            html += TextEscaping.html(String(line))
            html += emphasized.contains(number) ? "</mark>\n" : "</span>\n"
        }
        return html + "</code></pre>\n"
    }
}
