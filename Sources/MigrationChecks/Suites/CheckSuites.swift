/// The registry of MigrationChecks' suites, one per documented procedure: stepdoc's built-in suites.
public enum CheckSuites {
    /// Every suite, with the documented values.
    public static let all: [MigrationCheckSuite] = [
        AtlasLiveMigrationPrerequisites.suite()
    ]

    /// The suite with this id.
    public static func named(_ id: String) -> MigrationCheckSuite? {
        all.first { $0.id == id }
    }
}
