/// The version `--version` prints and reports carry.
public enum StepDocVersion {
    public static let current = "0.1.0"
    /// The project's home page, which SARIF reports name as the tool's `informationUri`.
    public static let informationURI = "https://github.com/mongodb/stepdoc"
    /// The README's list of rules, the help page of rules that have none of their own.
    public static let rulesURI = informationURI + "#rules"
}
