/// What a check says about the documentation, without the code that evaluates it: the step title it
/// implements, the documented values it enforces, and where it is declared. Parity compares these with the
/// documented steps; a check manifest is a list of them.
public struct CheckDefinition: Sendable, Equatable {
    /// Stable id users type: `server-version`.
    public var id: String
    /// One line, lowercase start, no final period: "the server runs MongoDB 2.6 or newer".
    public var summary: String
    /// The title of the step the check implements, with placeholders for documented values.
    public var title: TitlePattern
    /// The documented values it enforces.
    public var values: [BoundValue]
    /// Where the check is declared.
    public var declaration: Declaration

    public init(id: String, summary: String, title: TitlePattern, values: [BoundValue] = [], declaration: Declaration)
    {
        self.id = id
        self.summary = summary
        self.title = title
        self.values = values
        self.declaration = declaration
    }
}

/// The definitions of one suite's checks: what a manifest lists and parity reads.
public struct SuiteDefinition: Sendable, Equatable {
    /// The suite id, which `stepdoc.yml` binds a procedure to.
    public var id: String
    /// A human title for reports.
    public var title: String
    /// One definition per documented step, in step order.
    public var checks: [CheckDefinition]

    public init(id: String, title: String, checks: [CheckDefinition]) {
        self.id = id
        self.title = title
        self.checks = checks
    }

    /// The check with this id.
    public func check(id: String) -> CheckDefinition? {
        checks.first { $0.id == id }
    }

    /// The suite with every declaration relative to its package root, as a manifest carries it.
    public func relativeToPackageRoot() -> SuiteDefinition {
        var cache: [String: String] = [:]
        func relative(_ declaration: Declaration) -> Declaration {
            var result = declaration
            if let known = cache[declaration.file] {
                result.file = known
            } else {
                result.file = PackageRoot.relativePath(of: declaration.file)
                cache[declaration.file] = result.file
            }
            return result
        }
        var suite = self
        for index in suite.checks.indices {
            suite.checks[index].declaration = relative(suite.checks[index].declaration)
            for value in suite.checks[index].values.indices {
                suite.checks[index].values[value].enforced.declaration =
                    relative(suite.checks[index].values[value].enforced.declaration)
            }
        }
        return suite
    }
}
