/// A value a template can show or iterate.
///
/// Context types conform to ``TemplateObject`` and answer keys directly; any other value is read by
/// reflection (as Mustache libraries do), so a plain struct still works, only slower.
public enum TemplateValue {
    case null
    case bool(Bool)
    case string(String)
    case list([TemplateValue])
    case object(any TemplateObject)
    /// A value to be reflected on demand (a struct that is not a ``TemplateObject``).
    case reflected(Any)

    /// Mustache's "falsey": false, null, empty lists and empty strings skip a section.
    var isFalsey: Bool {
        switch self {
        case .null: true
        case .bool(let value): !value
        case .string(let value): value.isEmpty
        case .list(let values): values.isEmpty
        case .object, .reflected: false
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
        case .reflected(let value): String(describing: value)
        }
    }

    /// The child named `key` of an object value.
    func child(_ key: String) -> TemplateValue? {
        switch self {
        case .object(let object): object.templateValue(for: key)
        case .reflected(let value): TemplateValue.reflecting(value, key: key)
        default: nil
        }
    }

    /// Wraps any Swift value.
    public init(_ value: Any) {
        switch value {
        case let value as TemplateValue: self = value
        case let value as any TemplateObject: self = .object(value)
        case let value as String: self = .string(value)
        case let value as Substring: self = .string(String(value))
        case let value as Bool: self = .bool(value)
        case let value as Int: self = .string(String(value))
        case let value as Double: self = .string(String(value))
        case let value as [Any]: self = .list(value.map(TemplateValue.init))
        case let value as [String: Any]: self = .object(DictionaryObject(values: value))
        default:
            let mirror = Mirror(reflecting: value)
            if mirror.displayStyle == .optional {
                if let wrapped = mirror.children.first?.value {
                    self = TemplateValue(wrapped)
                } else {
                    self = .null
                }
            } else if mirror.displayStyle == .collection || mirror.displayStyle == .set {
                self = .list(mirror.children.map { TemplateValue($0.value) })
            } else {
                self = .reflected(value)
            }
        }
    }

    static func reflecting(_ value: Any, key: String) -> TemplateValue? {
        for child in Mirror(reflecting: value).children where child.label == key {
            return TemplateValue(child.value)
        }
        return nil
    }
}

/// A context a template reads by key, without reflection.
public protocol TemplateObject {
    /// The value for `key`, or `nil` when the object has no such key (the lookup then continues
    /// down the context stack, as Mustache specifies).
    func templateValue(for key: String) -> TemplateValue?
}

/// `[String: Any]` as a template object.
struct DictionaryObject: TemplateObject {
    var values: [String: Any]

    func templateValue(for key: String) -> TemplateValue? {
        values[key].map(TemplateValue.init)
    }
}
