extension String {
    /// The path without its last component: `a/b/c.rst` → `a/b`, `c.rst` → ``, `/c` → `/`.
    ///
    /// As `NSString.deletingLastPathComponent`, which swift-corelibs-foundation (Swift 6.3) traps on
    /// for a one-character path such as `x` (`stepdoc check x` crashed).
    package var parentFolder: String {
        var path = Substring(self)
        while path.count > 1, path.hasSuffix("/") { path = path.dropLast() }
        guard let slash = path.lastIndex(of: "/") else { return "" }
        if slash == path.startIndex { return "/" }
        var parent = path[..<slash]
        while parent.count > 1, parent.hasSuffix("/") { parent = parent.dropLast() }
        return String(parent)
    }
}
