/// The registry of check suites, one per documented procedure.
public enum CheckSuites {
    /// Every suite, with the documented values.
    public static let all: [CheckSuite] = [
        AtlasLiveMigrationPrerequisites.suite()
    ]

    /// The suite with this id.
    public static func named(_ id: String) -> CheckSuite? {
        all.first { $0.id == id }
    }
}
