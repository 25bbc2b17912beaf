import Foundation
import StepModel
import StepRender
import StepSyntax
import Yams

/// Reads `stepdoc.yml`, reporting unknown keys and wrong types with their line and column.
public enum ConfigLoader {
    public static let defaultPath = "stepdoc.yml"

    /// Loads the configuration at `path`; `nil` with `required: false` when the file does not exist.
    public static func load(
        path: String, required: Bool, in directory: WorkingDirectory = .current
    ) throws(StepDocFailure) -> StepDocConfig {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.resolve(path), isDirectory: &isDirectory) else {
            if required { throw .missingPath(path) }
            return StepDocConfig()
        }
        guard !isDirectory.boolValue else { throw .notAFile(path) }
        let data = try SourceReader(directory: directory).readBytes(path)
        guard let text = String(bytes: data, encoding: .utf8) else {
            throw .configuration(path: path, line: 1, column: 1, message: "stepdoc.yml is not valid UTF-8")
        }
        return try parse(text, path: path)
    }

    /// Parses the text of a configuration file; rule ids under `rules:` must be in `rules`.
    public static func parse(
        _ text: String, path: String, rules: RuleCatalogue = .stepdoc
    ) throws(StepDocFailure) -> StepDocConfig {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw failure(error, path: path)
        } catch {
            throw .configuration(path: path, line: 1, column: 1, message: "\(error)")
        }
        var config = StepDocConfig()
        guard let node else { return config }
        let reader = NodeReader(path: path)
        let root = try reader.mapping(node, what: "stepdoc.yml")
        for (keyNode, value) in root {
            let key = try reader.string(keyNode, what: "a key")
            switch key {
            case "content": config.content = try reader.pathList(value, what: "'content'")
            case "source-root": config.sourceRoot = try reader.path(value, what: "'source-root'")
            case "templates": config.templates = try reader.path(value, what: "'templates'")
            case "template": config.template = try reader.string(value, what: "'template'")
            case "output": config.output = try reader.path(value, what: "'output'")
            case "formats":
                config.formats = try reader.stringList(value, what: "'formats'")
                for (index, format) in config.formats.enumerated() where !["html", "text", "markdown"].contains(format)
                {
                    let element = value.sequence.map { Array($0) }?[safe: index] ?? value
                    throw reader.error(element, "unknown format '\(format)'; expected html, text or markdown")
                }
            case "tags": config.tags = try reader.stringList(value, what: "'tags'")
            case "text-width": config.textWidth = try reader.integer(value, what: "'text-width'", range: 20...1000)
            case "text-links":
                let text = try reader.string(value, what: "'text-links'")
                guard let style = TextLinkStyle(rawValue: text) else {
                    throw reader.error(value, "'text-links' must be 'inline', 'references' or 'none', not '\(text)'")
                }
                config.textLinks = style
            case "raw-html":
                let text = try reader.string(value, what: "'raw-html'")
                guard let policy = RawHTMLPolicy(rawValue: text) else {
                    throw reader.error(value, "'raw-html' must be 'omit' or 'pass', not '\(text)'")
                }
                config.rawHTML = policy
            case "procedures": config.procedures = try procedures(value, reader: reader)
            case "check-manifests":
                let paths = try reader.stringList(value, what: "'check-manifests'")
                let elements = value.sequence.map(Array.init) ?? [value]
                for (path, element) in zip(paths, elements) {
                    guard !path.isEmpty else { throw reader.error(element, "'check-manifests' lists an empty path") }
                    config.checkManifests.append(path)
                    config.checkManifestLocations.append(
                        SourceLocation(line: element.mark?.line ?? 1, column: element.mark?.column ?? 1))
                }
            case "check-runners":
                guard let runners = value.sequence else {
                    throw reader.error(value, "'check-runners' must be a list of commands, each a list [CMD, ARGS…]")
                }
                for runner in runners {
                    let command = try reader.stringList(runner, what: "a check runner")
                    guard runner.sequence != nil, let first = command.first, !first.isEmpty else {
                        throw reader.error(runner, "a check runner must be a list [CMD, ARGS…] with a command first")
                    }
                    config.checkRunners.append(command)
                    config.checkRunnerLocations.append(
                        SourceLocation(line: runner.mark?.line ?? 1, column: runner.mark?.column ?? 1))
                }
            case "check-runner-timeout":
                config.checkRunnerTimeout = try reader.integer(value, what: "'check-runner-timeout'", range: 1...3600)
            case "roles": config.roles = try roles(value, reader: reader)
            case "substitutions":
                for (name, substitution) in try reader.mapping(value, what: "'substitutions'") {
                    config.substitutions[try reader.string(name, what: "a substitution name")] =
                        try reader.string(substitution, what: "a substitution")
                }
            case "rules":
                for (idNode, settingNode) in try reader.mapping(value, what: "'rules'") {
                    let name = try reader.string(idNode, what: "a rule id")
                    let id = RuleID(rawValue: name)
                    guard rules[id] != nil else {
                        throw reader.error(
                            idNode,
                            "unknown rule id '\(name)'" + DidYouMean.phrase(for: name, among: rules.ids.map(\.rawValue))
                        )
                    }
                    let text = try reader.string(settingNode, what: "the setting of rule '\(id)'")
                    guard let setting = StepDocConfig.RuleSetting(rawValue: text) else {
                        throw reader.error(
                            settingNode, "rule '\(id)' must be 'error', 'warning' or 'off', not '\(text)'")
                    }
                    config.rules[id] = setting
                }
            case "limits":
                for (limitNode, limitValue) in try reader.mapping(value, what: "'limits'") {
                    let limit = try reader.string(limitNode, what: "a limit")
                    switch limit {
                    case "max-file-size":
                        config.limits.maxFileSize = try reader.integer(
                            limitValue, what: "'max-file-size'", range: 1...Int(Int32.max))
                    case "max-nesting-depth":
                        // At most 200: deeper content could exhaust an 8 MiB stack in a debug build.
                        config.limits.maxNestingDepth = try reader.integer(
                            limitValue, what: "'max-nesting-depth'", range: 2...200)
                    case "max-include-depth":
                        config.limits.maxIncludeDepth = try reader.integer(
                            limitValue, what: "'max-include-depth'", range: 1...100)
                    case "max-included-bytes":
                        config.limits.maxIncludedBytes = try reader.integer(
                            limitValue, what: "'max-included-bytes'", range: 1...Int(Int32.max))
                    default:
                        throw reader.unknownKey(
                            limitNode, limit,
                            known: ["max-file-size", "max-nesting-depth", "max-include-depth", "max-included-bytes"])
                    }
                }
            default:
                throw reader.unknownKey(keyNode, key, known: topLevelKeys)
            }
        }
        return config
    }

    static let topLevelKeys = [
        "content", "source-root", "templates", "template", "output", "formats", "tags", "text-width", "text-links",
        "raw-html", "procedures", "check-manifests", "check-runners", "check-runner-timeout",
        "roles", "substitutions", "rules", "limits",
    ]

    private static func procedures(_ node: Node, reader: NodeReader) throws(StepDocFailure) -> [String: StepDocConfig
        .ProcedureSettings]
    {
        var result: [String: StepDocConfig.ProcedureSettings] = [:]
        for (nameNode, settingsNode) in try reader.mapping(node, what: "'procedures'") {
            let name = try reader.string(nameNode, what: "a procedure path")
            var settings = StepDocConfig.ProcedureSettings()
            for (keyNode, value) in try reader.mapping(settingsNode, what: "procedure '\(name)'") {
                let key = try reader.string(keyNode, what: "a key")
                switch key {
                case "title": settings.title = try reader.string(value, what: "'title'")
                case "checks":
                    settings.checks = try reader.string(value, what: "'checks'")
                    settings.checksLocation = value.mark.map { SourceLocation(line: $0.line, column: $0.column) }
                default: throw reader.unknownKey(keyNode, key, known: ["title", "checks"])
                }
            }
            result[name] = settings
        }
        return result
    }

    /// `roles: {name: {kind: link, url: "https://…%s", trailing-slash: true}}`, or `name: code|text|xref`.
    private static func roles(_ node: Node, reader: NodeReader) throws(StepDocFailure) -> [RoleDefinition] {
        var roles: [RoleDefinition] = []
        for (nameNode, value) in try reader.mapping(node, what: "'roles'") {
            let name = try reader.string(nameNode, what: "a role name")
            if value.scalar != nil {
                let kind = try reader.string(value, what: "the kind of role '\(name)'")
                roles.append(
                    RoleDefinition(
                        name: name, kind: try roleKind(kind, url: nil, slash: false, node: value, reader: reader)))
                continue
            }
            var kind = "link"
            var url: String? = nil
            var slash = false
            var kindNode = value
            for (keyNode, setting) in try reader.mapping(value, what: "role '\(name)'") {
                let key = try reader.string(keyNode, what: "a key")
                switch key {
                case "kind":
                    kind = try reader.string(setting, what: "'kind'")
                    kindNode = setting
                case "url": url = try reader.string(setting, what: "'url'")
                case "trailing-slash": slash = try reader.bool(setting, what: "'trailing-slash'")
                default: throw reader.unknownKey(keyNode, key, known: ["kind", "url", "trailing-slash"])
                }
            }
            roles.append(
                RoleDefinition(
                    name: name, kind: try roleKind(kind, url: url, slash: slash, node: kindNode, reader: reader)))
        }
        return roles
    }

    private static func roleKind(
        _ kind: String, url: String?, slash: Bool, node: Node, reader: NodeReader
    ) throws(StepDocFailure) -> RoleDefinition.Kind {
        switch kind {
        case "link":
            guard let url else { throw reader.error(node, "a 'link' role needs a 'url' with %s where the target goes") }
            return .link(urlTemplate: url, addsTrailingSlash: slash)
        case "code": return .code(urlTemplate: url)
        case "text": return .text
        case "xref": return .crossReference
        case "emphasis": return .emphasis
        case "strong": return .strong
        default:
            if kind.hasPrefix("alias ") { return .alias(String(kind.dropFirst(6))) }
            throw reader.error(node, "unknown role kind '\(kind)'; expected link, code, text, xref, emphasis or strong")
        }
    }

    private static func failure(_ error: YamlError, path: String) -> StepDocFailure {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return .configuration(path: path, line: mark.line, column: mark.column, message: "invalid YAML: \(problem)")
        default:
            return .configuration(path: path, line: 1, column: 1, message: "invalid YAML: \(error)")
        }
    }
}

/// Typed access to YAML nodes with positioned errors.
struct NodeReader {
    let path: String

    func error(_ node: Node, _ message: String) -> StepDocFailure {
        .configuration(path: path, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1, message: message)
    }

    func unknownKey(_ node: Node, _ key: String, known: [String]) -> StepDocFailure {
        error(
            node,
            "unknown key '\(key)'" + DidYouMean.phrase(for: key, among: known)
                + " (known keys: \(known.joined(separator: ", ")))")
    }

    func mapping(_ node: Node, what: String) throws(StepDocFailure) -> [(Node, Node)] {
        guard let mapping = node.mapping else { throw error(node, "\(what) must be a mapping of keys to values") }
        return Array(mapping)
    }

    func string(_ node: Node, what: String) throws(StepDocFailure) -> String {
        guard let scalar = node.scalar else { throw error(node, "\(what) must be a string") }
        return scalar.string
    }

    /// A path: a string that is not empty (an empty `output:` used to be taken as the file-system root).
    func path(_ node: Node, what: String) throws(StepDocFailure) -> String {
        let text = try string(node, what: what)
        guard !text.isEmpty else { throw error(node, "\(what) is empty; an empty path names no file or folder") }
        return text
    }

    func pathList(_ node: Node, what: String) throws(StepDocFailure) -> [String] {
        if node.scalar != nil { return [try path(node, what: what)] }
        let paths = try stringList(node, what: what)
        for (index, path) in paths.enumerated() where path.isEmpty {
            throw error(node.sequence.map { Array($0) }?[safe: index] ?? node, "\(what) lists an empty path")
        }
        return paths
    }

    func stringList(_ node: Node, what: String) throws(StepDocFailure) -> [String] {
        if let scalar = node.scalar { return [scalar.string] }
        guard let sequence = node.sequence else { throw error(node, "\(what) must be a string or a list of strings") }
        var values: [String] = []
        for element in sequence {
            guard let scalar = element.scalar else { throw error(element, "\(what) must list strings") }
            values.append(scalar.string)
        }
        return values
    }

    func integer(_ node: Node, what: String, range: ClosedRange<Int>) throws(StepDocFailure) -> Int {
        guard let scalar = node.scalar, let value = Int(scalar.string) else {
            throw error(node, "\(what) must be a whole number")
        }
        guard range.contains(value) else {
            throw error(node, "\(what) must be between \(range.lowerBound) and \(range.upperBound)")
        }
        return value
    }

    func bool(_ node: Node, what: String) throws(StepDocFailure) -> Bool {
        guard let scalar = node.scalar else { throw error(node, "\(what) must be true or false") }
        switch scalar.string.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw error(node, "\(what) must be true or false, not '\(scalar.string)'")
        }
    }
}

extension Array {
    subscript(safe index: Int) -> Element? {
        indices.contains(index) ? self[index] : nil
    }
}
