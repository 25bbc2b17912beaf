import StepSyntax

// The ids of the model's rules: lowering, giza YAML, and the structural rules. Their descriptors are in
// RuleCatalogue+Content.swift and beside each ProcedureRule.
extension RuleID {
    /// Interpreted-text roles are known.
    public static let rstUnknownRole = RuleID(rawValue: "rst.unknown-role")
    /// Directives are ones stepdoc renders.
    public static let rstUnknownDirective = RuleID(rawValue: "rst.unknown-directive")
    /// Directives have the arguments, options and content they need.
    public static let rstDirective = RuleID(rawValue: "rst.directive")
    /// Hyperlink references name a defined target.
    public static let rstUnknownTarget = RuleID(rawValue: "rst.unknown-target")
    /// A target defined twice has one destination.
    public static let rstDuplicateTarget = RuleID(rawValue: "rst.duplicate-target")
    /// Substitution references are defined.
    public static let rstUnknownSubstitution = RuleID(rawValue: "rst.unknown-substitution")
    /// Images and figures name a file under the source root and say what they show.
    public static let rstImage = RuleID(rawValue: "rst.image")
    /// HTML a source writes itself (`.. raw:: html`) is emitted only when stepdoc.yml says `raw-html: pass`.
    public static let rstRawHTML = RuleID(rawValue: "rst.raw-html")
    /// Links and images do not use URLs that run script (`javascript:` …) unless `raw-html: pass`.
    public static let rstUnsafeURL = RuleID(rawValue: "rst.unsafe-url")
    /// A link role's target is a path under the role's base URL, not a URL of its own.
    public static let rstRoleTarget = RuleID(rawValue: "rst.role-target")
    /// Included files exist, can be read and hold the markers named.
    public static let rstInclude = RuleID(rawValue: "rst.include")
    /// Every input can be read and is a text file within the size limit; a literal include that is a
    /// binary file (NUL bytes) is one. Its descriptor is the project's (RuleCatalogue+StepDoc.swift).
    public static let ioUnreadable = RuleID(rawValue: "io.unreadable")
    /// Includes are nested no deeper than the limit.
    public static let limitsIncludeDepth = RuleID(rawValue: "limits.include-depth")
    /// A file and its includes read no more included text than the limit, in all.
    public static let limitsIncludedBytes = RuleID(rawValue: "limits.included-bytes")
    /// A step file has steps, each well formed.
    public static let stepsStructure = RuleID(rawValue: "steps.structure")
    /// A giza steps YAML file is valid.
    public static let stepsYAML = RuleID(rawValue: "steps.yaml")
    /// A YAML step's `source` or `inherit` resolves.
    public static let stepsInherit = RuleID(rawValue: "steps.inherit")
    /// Step numbers start at 1, increase by one and agree between the branches.
    public static let stepsNumbering = RuleID(rawValue: "steps.numbering")
    /// Each step has a copy in both branches.
    public static let stepsMissingBranch = RuleID(rawValue: "steps.missing-branch")
    /// The HTML copy of each step comes first.
    public static let stepsBranchOrder = RuleID(rawValue: "steps.branch-order")
    /// The two copies of each step agree.
    public static let stepsBranchesAgree = RuleID(rawValue: "steps.branches-agree")
    /// Step headings use one level throughout.
    public static let rstHeadingLevels = RuleID(rawValue: "rst.heading-levels")
}
