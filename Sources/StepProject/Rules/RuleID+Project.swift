import StepSyntax

// The ids of the project's own rules (reading inputs, writing outputs, templates, configuration); their
// descriptors are in RuleCatalogue+StepDoc.swift.
extension RuleID {
    // io.unreadable is declared in StepModel (RuleID+Model.swift): a binary literal include is one.
    public static let checksManifest = RuleID(rawValue: "checks.manifest")
    public static let checksRunner = RuleID(rawValue: "checks.runner")
    /// Symbolic links in content folders do not loop.
    public static let ioSymlinkLoop = RuleID(rawValue: "io.symlink-loop")
    /// Symbolic links in content folders point at something.
    public static let ioBrokenLink = RuleID(rawValue: "io.broken-link")
    /// Outputs and reports can be written.
    public static let ioUnwritable = RuleID(rawValue: "io.unwritable")
    /// No two inputs write one output file.
    public static let ioOutputCollision = RuleID(rawValue: "io.output-collision")
    /// The template set exists and is valid.
    public static let templatesInvalid = RuleID(rawValue: "templates.invalid")
    /// stepdoc.yml and the command line are valid.
    public static let configInvalid = RuleID(rawValue: "config.invalid")
}
