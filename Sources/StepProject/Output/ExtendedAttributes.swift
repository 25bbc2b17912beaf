import CExtendedAttributes
import Foundation

/// A file's extended attributes (`user.*`, security labels, ACLs), read so a rewrite can give them to
/// the file that replaces it.
package struct ExtendedAttributes {
    package private(set) var values: [(name: String, value: [UInt8])] = []

    /// The attributes of the file at `path`; none when the file system has none or cannot list them.
    package init(of path: String) {
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

    /// Sets every attribute on `descriptor` that it does not already have with the same value (a
    /// security label the new file got by itself need not, and may not, be set again); the name of the
    /// first that cannot be set, or `nil`.
    func apply(to descriptor: Int32) -> String? {
        for (name, value) in values where Self.value(of: name, on: descriptor) != value {
            let result = value.withUnsafeBytes { fsetxattr(descriptor, name, $0.baseAddress, value.count, 0) }
            if result != 0 { return name }
        }
        return nil
    }

    private static func value(of name: String, on descriptor: Int32) -> [UInt8]? {
        let length = fgetxattr(descriptor, name, nil, 0)
        guard length >= 0 else { return nil }
        var value = [UInt8](repeating: 0, count: length)
        let read = length == 0 ? 0 : fgetxattr(descriptor, name, &value, length)
        return read >= 0 ? Array(value[0..<read]) : nil
    }

    /// Sets one attribute on the file at `path` (for tests); whether it was set.
    package static func set(_ name: String, to value: [UInt8], at path: String) -> Bool {
        value.withUnsafeBytes { setxattr(path, name, $0.baseAddress, value.count, 0) } == 0
    }
}
