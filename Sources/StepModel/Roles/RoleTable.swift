/// The roles a project knows: MongoDB's defaults plus docutils' and Sphinx's, extended by `stepdoc.yml`.
///
/// The table is configuration, not code: ``mongoDB`` is built from MongoDB's role list, and a project
/// adds or overrides roles with ``adding(_:)``.
public struct RoleTable: Sendable, Equatable {
    public private(set) var definitions: [String: RoleDefinition]

    public init(definitions: [RoleDefinition] = []) {
        var table: [String: RoleDefinition] = [:]
        for definition in definitions { table[definition.name] = definition }
        self.definitions = table
    }

    /// The table with `definitions` added, replacing roles of the same name.
    public func adding(_ definitions: [RoleDefinition]) -> RoleTable {
        var copy = self
        for definition in definitions { copy.definitions[definition.name] = definition }
        return copy
    }

    /// The definition of a role, following aliases and trying the name without its domain
    /// (`mongodb:method` → `method`).
    public func definition(for name: String) -> RoleDefinition? {
        // The common case, a role defined under its own name, without the alias loop's set.
        if let found = definitions[name] {
            if case .alias = found.kind {} else { return RoleDefinition(name: name, kind: found.kind) }
        }
        var current = name
        var seen: Set<String> = []
        while seen.insert(current).inserted {
            let found =
                definitions[current] ?? definitions[current.lowercased()]
                ?? current.split(separator: ":", maxSplits: 1).dropFirst().first.flatMap { definitions[String($0)] }
            guard let found else { return nil }
            if case .alias(let target) = found.kind {
                current = target
                continue
            }
            return RoleDefinition(name: name, kind: found.kind)
        }
        return nil
    }

    /// All role names, for did-you-mean suggestions.
    public var names: [String] { definitions.keys.sorted() }

    /// MongoDB's roles (snooty-parser's rstspec.toml) with docutils' and Sphinx's standard roles.
    public static let mongoDB: RoleTable = {
        var definitions = standardRoles
        for (name, kind, target, trailingSlash, rendersAs) in mongoDBRows {
            let resolved: RoleDefinition.Kind
            if kind.hasPrefix("inherits ") {
                resolved = .alias(String(kind.dropFirst("inherits ".count)))
            } else {
                switch kind {
                case "link": resolved = .link(urlTemplate: target, addsTrailingSlash: trailingSlash == "yes")
                case "object": resolved = rendersAs == "code" ? .code(urlTemplate: nil) : .text
                case "xref": resolved = .crossReference
                case "explicit_title": resolved = .explicitTitle
                default: resolved = .text
                }
            }
            definitions.append(RoleDefinition(name: name, kind: resolved))
        }
        return RoleTable(definitions: definitions)
    }()

    /// Roles every docutils and Sphinx project has.
    static let standardRoles: [RoleDefinition] = {
        var roles: [RoleDefinition] = []
        for name in [
            "literal", "code", "samp", "command", "program", "option", "envvar", "makevar", "regexp",
            "mimetype", "mailheader", "token", "keyword", "class", "func", "meth", "attr", "data", "const",
            "exc", "obj", "mod", "py:class", "py:func", "py:meth", "py:attr", "py:mod", "js:func",
            "c:func", "cpp:func",
        ] {
            roles.append(RoleDefinition(name: name, kind: .code(urlTemplate: nil)))
        }
        for name in [
            "abbr", "dfn", "file", "guilabel", "kbd", "menuselection", "sub", "sup", "subscript",
            "superscript", "math", "manpage", "newsfeed", "raw",
        ] {
            roles.append(RoleDefinition(name: name, kind: .text))
        }
        for name in ["doc", "ref", "term", "any", "numref", "download", "std:ref", "std:doc", "std:term", "std:label"] {
            roles.append(RoleDefinition(name: name, kind: .crossReference))
        }
        roles.append(RoleDefinition(name: "emphasis", kind: .emphasis))
        roles.append(RoleDefinition(name: "title-reference", kind: .emphasis))
        roles.append(RoleDefinition(name: "title", kind: .emphasis))
        roles.append(RoleDefinition(name: "t", kind: .emphasis))
        roles.append(RoleDefinition(name: "strong", kind: .strong))
        roles.append(
            RoleDefinition(
                name: "rfc",
                kind: .link(urlTemplate: "https://datatracker.ietf.org/doc/html/rfc%s", addsTrailingSlash: false)))
        roles.append(
            RoleDefinition(
                name: "pep", kind: .link(urlTemplate: "https://peps.python.org/pep-%s/", addsTrailingSlash: false)))
        return roles
    }()
}

extension RoleDefinition.Kind {
    /// Expands a link template with a target, as snooty does: `%s` replaced (or the target appended),
    /// and a trailing slash added for path-like targets of roles that want one.
    package static func expand(template: String, target: String, addsTrailingSlash: Bool) -> String {
        if let url = expandASCII(template: template, target: target, addsTrailingSlash: addsTrailingSlash) {
            return url
        }
        var url: String
        let bytes = Array(template.utf8)
        if let marker = ProcedureLowerer.firstIndex(of: [UInt8(ascii: "%"), UInt8(ascii: "s")], in: bytes) {
            url =
                String(decoding: bytes[..<marker], as: UTF8.self) + target
                + String(decoding: bytes[(marker + 2)...], as: UTF8.self)
        } else {
            url = template + target
        }
        guard addsTrailingSlash, !url.hasSuffix("/") else { return url }
        if target.contains("#") || target.contains("?") { return url }
        // A file (`/x/manual.pdf`) keeps its name; a page, even one named `db.getUser`, gets the slash.
        let last = target.split(separator: "/").last.map(String.init) ?? target
        if let dot = last.lastIndex(of: "."), fileExtensions.contains(last[last.index(after: dot)...].lowercased()) {
            return url
        }
        return url + "/"
    }

    /// `expand` on bytes when template and target are ASCII (every character one byte, so byte and
    /// character searches agree): one buffer, no `Character` comparisons, no Foundation search.
    private static func expandASCII(template: String, target: String, addsTrailingSlash: Bool) -> String? {
        var template = template
        var target = target
        return template.withUTF8 { templateBytes -> String? in
            target.withUTF8 { targetBytes -> String? in
                for byte in templateBytes where byte >= 0x80 { return nil }
                for byte in targetBytes where byte >= 0x80 { return nil }
                var url: [UInt8] = []
                url.reserveCapacity(templateBytes.count + targetBytes.count + 1)
                var marker: Int? = nil
                if templateBytes.count >= 2 {
                    for index in 0..<(templateBytes.count - 1)
                    where templateBytes[index] == UInt8(ascii: "%") && templateBytes[index + 1] == UInt8(ascii: "s") {
                        marker = index
                        break
                    }
                }
                if let marker {
                    url.append(contentsOf: templateBytes[..<marker])
                    url.append(contentsOf: targetBytes)
                    url.append(contentsOf: templateBytes[(marker + 2)...])
                } else {
                    url.append(contentsOf: templateBytes)
                    url.append(contentsOf: targetBytes)
                }
                func finished() -> String { String(decoding: url, as: UTF8.self) }
                guard addsTrailingSlash, url.last != UInt8(ascii: "/") else { return finished() }
                if targetBytes.contains(UInt8(ascii: "#")) || targetBytes.contains(UInt8(ascii: "?")) {
                    return finished()
                }
                // The last non-empty path component (the whole target when there is none).
                var end = targetBytes.count
                while end > 0, targetBytes[end - 1] == UInt8(ascii: "/") { end -= 1 }
                var start = end
                while start > 0, targetBytes[start - 1] != UInt8(ascii: "/") { start -= 1 }
                if start == end {
                    start = 0
                    end = targetBytes.count
                }
                if let dot = targetBytes[start..<end].lastIndex(of: UInt8(ascii: ".")) {
                    let fileExtension = String(
                        decoding: targetBytes[(dot + 1)..<end].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 },
                        as: UTF8.self)
                    if fileExtensions.contains(fileExtension) { return finished() }
                }
                url.append(UInt8(ascii: "/"))
                return finished()
            }
        }
    }

    private static let fileExtensions: Set<String> = [
        "html", "htm", "txt", "json", "pdf", "png", "jpg", "jpeg", "gif", "svg", "zip", "gz", "tgz", "msi", "deb",
        "rpm", "yaml", "yml", "js", "xml", "csv", "tar", "md", "rst", "py",
    ]
}
