/// A fast 64-bit hash of bytes, for telling whether a source or a setting changed since the last
/// build (not for security: collisions are merely unlikely).
public enum ContentHash {
    public static func hex(_ bytes: [UInt8]) -> String {
        let value = bytes.withUnsafeBytes { hash($0) }
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    public static func hex(_ text: String) -> String {
        hex(Array(text.utf8))
    }

    /// Eight bytes at a time, multiply and fold (a wyhash-style mix), then the tail.
    static func hash(_ buffer: UnsafeRawBufferPointer) -> UInt64 {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(buffer.count)
        var offset = 0
        while offset + 8 <= buffer.count {
            let word = buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            state = mix(state ^ word)
            offset += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < buffer.count {
            tail |= UInt64(buffer[offset]) << shift
            shift += 8
            offset += 1
        }
        return mix(state ^ tail ^ 0xFF51_AFD7_ED55_8CCD)
    }

    @inline(__always)
    private static func mix(_ value: UInt64) -> UInt64 {
        let product = value.multipliedFullWidth(by: 0xA076_1D64_78BD_642F)
        return product.high ^ product.low
    }
}
