#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A corpus file that could not be written.
package struct CorpusWriteError: Error, CustomStringConvertible {
    package var path: String
    /// The `errno` of the failed call.
    package var code: Int32

    package var description: String {
        "cannot write \(path): \(String(cString: strerror(code)))"
    }
}
