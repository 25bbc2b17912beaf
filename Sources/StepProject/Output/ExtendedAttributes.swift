import CExtendedAttributes
import Foundation

/// A file's extended attributes (`user.*`, security labels, ACLs), read so a rewrite can give them to
/// the file that replaces it.
struct ExtendedAttributes {
    private(set) var values: [(name: String, value: [UInt8])] = []

    /// The attributes of the file at `path`; none when the file system has none or cannot list them.
    init(of path: String) {
        let size = listxattr(path, nil, 0)
        guard size > 0 else { return }
        var names = [CChar](repeating: 0, count: size)
        let listed = listxattr(path, &names, size)
        guard listed > 0 else { return }
        for raw in names[0..<listed].split(separator: 0) {
            let name = String(decoding: raw.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            let length = getxattr(path, name, nil, 0)
            guard length >= 0 else { continue }
            var value = [UInt8](repeating: 0, count: length)
            let read = length == 0 ? 0 : getxattr(path, name, &value, length)
            guard read >= 0 else { continue }
            values.append((name, Array(value[0..<read])))
        }
    }

    /// Sets every attribute on `descriptor`; the name of the first that cannot be set, or `nil`.
    func apply(to descriptor: Int32) -> String? {
        for (name, value) in values {
            let result = value.withUnsafeBytes { fsetxattr(descriptor, name, $0.baseAddress, value.count, 0) }
            if result != 0 { return name }
        }
        return nil
    }
}
