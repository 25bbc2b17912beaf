/// A value a template can show or iterate.
///
/// Contexts conform to ``TemplateObject`` and answer keys through a switch: no reflection, so a key a
/// context does not have is `nil` (and, with ``TemplateVocabulary``, an error when the template loads).
public enum TemplateValue {
    case null
    case bool(Bool)
    case string(String)
    case list([TemplateValue])
    case object(any TemplateObject)

    /// Mustache's "falsey": false, null, empty lists and empty strings skip a section.
    var isFalsey: Bool {
        switch self {
        case .null: true
        case .bool(let value): !value
        case .string(let value): value.isEmpty
        case .list(let values): values.isEmpty
        case .object: false
        }
    }

    /// The value's text for `{{name}}`.
    var text: String {
        switch self {
        case .null: ""
        case .bool(let value): value ? "true" : "false"
        case .string(let value): value
        case .list(let values): values.map(\.text).joined(separator: ",")
        case .object(let object): String(describing: object)
        }
    }

    /// The child named `key` of an object value.
    func child(_ key: String) -> TemplateValue? {
        if case .object(let object) = self { return object.templateValue(for: key) }
        return nil
    }
}

/// A context a template reads by key, without reflection.
public protocol TemplateObject {
    /// The value for `key`, or `nil` when the object has no such key (the lookup then continues
    /// down the context stack, as Mustache specifies).
    func templateValue(for key: String) -> TemplateValue?
}
