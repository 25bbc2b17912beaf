import StepSyntax

/// What lowering needs beyond the syntax tree: roles, substitutions, and how to read includes.
public struct LoweringOptions: Sendable {
    public var roles: RoleTable
    /// Substitutions the project defines (`|name|` → text), used when the file does not define them.
    public var substitutions: [String: String]
    public var includes: any IncludeResolver
    /// Includes nested deeper than this are reported (`limits.include-depth`) instead of read.
    public var maximumIncludeDepth: Int
    /// The included text one top-level file may read in all (`limits.max-included-bytes`): each include
    /// counts every time it is read, so includes that include others many times cannot multiply a small
    /// tree of files into gigabytes.
    public var maximumIncludedBytes: Int = LoweringOptions.defaultMaximumIncludedBytes
    public static let defaultMaximumIncludedBytes = 4 * 1024 * 1024
    public var parseOptions: ParseOptions
    /// Whether raw HTML and script URLs are findings (`omit`, the default) or trusted (`pass`).
    public var rawHTML: RawHTMLPolicy = .omit

    public init(
        roles: RoleTable = .mongoDB, substitutions: [String: String] = [:],
        includes: any IncludeResolver = NoIncludes(),
        maximumIncludeDepth: Int = 10, parseOptions: ParseOptions = ParseOptions()
    ) {
        self.roles = roles
        self.substitutions = substitutions
        self.includes = includes
        self.maximumIncludeDepth = maximumIncludeDepth
        self.parseOptions = parseOptions
    }
}
