import StepSyntax

extension RuleCatalogue {
    /// The rules of the content itself: the reST reader's (`rst.*`, `limits.*`), the lowering's and the
    /// structural rules of ``ProcedureRules`` (`steps.*`).
    ///
    /// The reader and the lowering emit their ids inline, next to the message text; this list is where
    /// they are described. A test in the command line's test target fails when an id used in the
    /// sources is missing here.
    public static let content = RuleCatalogue(
        readerRules + loweringRules + ProcedureRules.all.map { $0.descriptor }
    )

    private static let readerRules = [
        RuleDescriptor(
            id: "rst.invalid-utf8", defaultSeverity: .error,
            summary: "the file is valid UTF-8"),
        RuleDescriptor(
            id: "rst.invalid-character", defaultSeverity: .error,
            summary: "the file holds no NUL bytes"),
        RuleDescriptor(
            id: "rst.markup", defaultSeverity: .warning,
            summary: "reStructuredText markup is well formed: blank lines, indentation, closed inline markup"),
        RuleDescriptor(
            id: "rst.title-underline", defaultSeverity: .warning,
            summary: "section title underlines and overlines are at least as long as the title"),
        RuleDescriptor(
            id: "limits.nesting-depth", defaultSeverity: .error,
            summary: "content is nested no deeper than 'limits.max-nesting-depth' of stepdoc.yml"),
    ]

    private static let loweringRules = [
        RuleDescriptor(
            id: "rst.only-expression", defaultSeverity: .error,
            summary: "the argument of an 'only' directive is a valid tag expression"),
        RuleDescriptor(
            id: "rst.unknown-role", defaultSeverity: .warning,
            summary: "interpreted-text roles are MongoDB's or defined under 'roles' in stepdoc.yml"),
        RuleDescriptor(
            id: "rst.unknown-directive", defaultSeverity: .warning,
            summary: "directives are ones stepdoc knows how to render"),
        RuleDescriptor(
            id: "rst.directive", defaultSeverity: .warning,
            summary: "directives have the arguments, options and content they need"),
        RuleDescriptor(
            id: "rst.unknown-target", defaultSeverity: .warning,
            summary: "hyperlink references name a target the file defines"),
        RuleDescriptor(
            id: "rst.duplicate-target", defaultSeverity: .warning,
            summary: "a hyperlink target defined twice has the same destination both times"),
        RuleDescriptor(
            id: "rst.unknown-substitution", defaultSeverity: .warning,
            summary: "substitution references are defined in the file or under 'substitutions' in stepdoc.yml"),
        RuleDescriptor(
            id: "rst.image", defaultSeverity: .warning,
            summary: "images and figures name a file that exists under the source root, and say what they show"),
        RuleDescriptor(
            id: "rst.include", defaultSeverity: .error,
            summary: "included files exist, can be read, do not include themselves and hold the markers named"),
        RuleDescriptor(
            id: "limits.include-depth", defaultSeverity: .error,
            summary: "includes are nested no deeper than 'limits.max-include-depth' of stepdoc.yml"),
        RuleDescriptor(
            id: "steps.structure", defaultSeverity: .warning, summary: stepStructureSummary),
        RuleDescriptor(
            id: "steps.yaml", defaultSeverity: .error,
            summary: "a giza steps YAML file is valid YAML, one mapping of the fields giza reads per step"),
        RuleDescriptor(
            id: "steps.inherit", defaultSeverity: .error,
            summary: "a YAML step's 'source' or 'inherit' names a file and a ref that exist, without a cycle"),
    ]

    /// What `steps.structure` requires; the lowering and ``StepFilesMustHaveSteps`` report it.
    static let stepStructureSummary =
        "a step file has steps, each a sequence-step block, a title and a body, with its HTML div closed"
}
