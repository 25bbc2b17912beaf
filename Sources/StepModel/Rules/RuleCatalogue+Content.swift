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
            id: .rstInvalidUTF8, defaultSeverity: .error,
            summary: "the file is valid UTF-8"),
        RuleDescriptor(
            id: .rstInvalidCharacter, defaultSeverity: .error,
            summary: "the file holds no NUL bytes"),
        RuleDescriptor(
            id: .rstMarkup, defaultSeverity: .warning,
            summary: "reStructuredText markup is well formed: blank lines, indentation, closed inline markup"),
        RuleDescriptor(
            id: .rstTitleUnderline, defaultSeverity: .warning,
            summary: "section title underlines and overlines are at least as long as the title"),
        RuleDescriptor(
            id: .limitsNestingDepth, defaultSeverity: .error,
            summary: "content is nested no deeper than 'limits.max-nesting-depth' of stepdoc.yml"),
    ]

    private static let loweringRules = [
        RuleDescriptor(
            id: .rstOnlyExpression, defaultSeverity: .error,
            summary: "the argument of an 'only' directive is a valid tag expression"),
        RuleDescriptor(
            id: .rstUnknownRole, defaultSeverity: .warning,
            summary: "interpreted-text roles are MongoDB's or defined under 'roles' in stepdoc.yml"),
        RuleDescriptor(
            id: .rstUnknownDirective, defaultSeverity: .warning,
            summary: "directives are ones stepdoc knows how to render"),
        RuleDescriptor(
            id: .rstDirective, defaultSeverity: .warning,
            summary: "directives have the arguments, options and content they need"),
        RuleDescriptor(
            id: .rstUnknownTarget, defaultSeverity: .warning,
            summary: "hyperlink references name a target the file defines"),
        RuleDescriptor(
            id: .rstDuplicateTarget, defaultSeverity: .warning,
            summary: "a hyperlink target defined twice has the same destination both times"),
        RuleDescriptor(
            id: .rstUnknownSubstitution, defaultSeverity: .warning,
            summary: "substitution references are defined in the file or under 'substitutions' in stepdoc.yml"),
        RuleDescriptor(
            id: .rstImage, defaultSeverity: .warning,
            summary: "images and figures name a file that exists under the source root, and say what they show"),
        RuleDescriptor(
            id: .rstRawHTML, defaultSeverity: .warning,
            summary: "raw HTML other than giza's sequence-block divs is left out unless stepdoc.yml says 'raw-html: pass'"),
        RuleDescriptor(
            id: .rstUnsafeURL, defaultSeverity: .warning,
            summary: "links and images use no URL that runs script (javascript:, vbscript:, data:, file:) "
                + "unless stepdoc.yml says 'raw-html: pass'"),
        RuleDescriptor(
            id: .rstRoleTarget, defaultSeverity: .warning,
            summary: "the target of a link role is a path (leading '/') under the role's base URL, not a URL"),
        RuleDescriptor(
            id: .rstInclude, defaultSeverity: .error,
            summary: "included files exist, can be read, do not include themselves and hold the markers named"),
        RuleDescriptor(
            id: .limitsIncludeDepth, defaultSeverity: .error,
            summary: "includes are nested no deeper than 'limits.max-include-depth' of stepdoc.yml"),
        RuleDescriptor(
            id: .limitsIncludedBytes, defaultSeverity: .error,
            summary: "a file's includes, counted each time they are read, total no more than "
                + "'limits.max-included-bytes' of stepdoc.yml"),
        RuleDescriptor(
            id: .stepsStructure, defaultSeverity: .warning, summary: stepStructureSummary),
        RuleDescriptor(
            id: .stepsYAML, defaultSeverity: .error,
            summary: "a giza steps YAML file is valid YAML, one mapping of the fields giza reads per step"),
        RuleDescriptor(
            id: .stepsInherit, defaultSeverity: .error,
            summary: "a YAML step's 'source' or 'inherit' names a file and a ref that exist, without a cycle"),
    ]

    /// What `steps.structure` requires; the lowering and ``StepFilesMustHaveSteps`` report it.
    static let stepStructureSummary =
        "a step file has steps, each a sequence-step block, a title and a body, with its HTML div closed"
}
