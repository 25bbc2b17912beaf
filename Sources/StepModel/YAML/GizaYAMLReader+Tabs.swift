import StepSyntax
import Yams

/// One tab of giza's YAML tabs: `- id: windows`, `name: Windows`, `content: |` with reST inside.
struct GizaYAMLTab {
    var id: String
    var name: YAMLText?
    var content: YAMLText?
    var range: SourceRange
}

extension GizaYAMLReader {
    /// The tabs of a `.. tabs::` directive whose content is giza's YAML, read from `source` (the
    /// content at its place in the file, so every position is the file's). Problems are `rst.directive`
    /// findings: this is a reST file, not a steps file.
    mutating func tabs(of source: SourceFile) -> [GizaYAMLTab] {
        let node: Node?
        do {
            node = try Yams.compose(yaml: String(decoding: source.bytes, as: UTF8.self), .default, .default, .utf8)
        } catch {
            var location = SourceLocation(line: 1, column: 1)
            var message = "the tabs are not valid YAML"
            if let error = error as? YamlError {
                switch error {
                case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
                    .composer(_, let problem, let mark, _):
                    location = self.location(mark, source)
                    message += ": \(problem)"
                case .duplicatedKeysInMapping(let duplicates, let context):
                    location = self.location(context.mark, source)
                    message = "a tab field is given twice: \(duplicates.joined(separator: ", "))"
                default: break
                }
            }
            diagnose(
                .warning, .rstDirective, message,
                location..<SourceLocation(line: location.line, column: location.column + 1), file: source.path,
                explanation: "The tabs are left out.")
            return []
        }
        guard case .mapping(let mapping)? = node, let list = mapping["tabs"] else {
            let range =
                node.map { self.range($0, source) } ?? SourceLocation(
                    line: 1, column: 1)..<SourceLocation(line: 1, column: 2)
            diagnose(.warning, .rstDirective, "giza's YAML tabs need a 'tabs:' list", range, file: source.path)
            return []
        }
        guard case .sequence(let items) = list else {
            diagnose(
                .warning, .rstDirective, "'tabs' must be a list of tabs ('- id: …')", range(list, source),
                file: source.path)
            return []
        }
        var tabs: [GizaYAMLTab] = []
        for item in items {
            guard case .mapping(let fields) = item else {
                diagnose(
                    .warning, .rstDirective, "a tab is a mapping of 'id', 'name' and 'content'", range(item, source),
                    file: source.path)
                continue
            }
            var tab = GizaYAMLTab(id: "", name: nil, content: nil, range: range(item, source))
            for (key, value) in fields {
                switch key.string {
                case "id": tab.id = string(value, field: "id", file: source) ?? ""
                case "name", "title": tab.name = text(value, field: "name", file: source)
                case "content": tab.content = text(value, field: "content", file: source)
                case "hidden": break
                default:
                    diagnose(
                        .warning, .rstDirective, "unknown tab field '\(key.string ?? "")'", range(key, source),
                        file: source.path, explanation: "giza reads 'id', 'name' and 'content'.")
                }
            }
            if tab.id.isEmpty, tab.name == nil {
                diagnose(.warning, .rstDirective, "a tab needs an 'id' or a 'name'", tab.range, file: source.path)
            }
            tabs.append(tab)
        }
        return tabs
    }
}
