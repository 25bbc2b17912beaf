import StepModel
import StepParity
import StepSyntax

extension RuleCatalogue {
    /// Every rule stepdoc reports: the content rules, then the command line's own.
    ///
    /// Other modules add their rules here (`.appending(SomeModule.rules)`), so SARIF's rule table and
    /// the check of `rules:` in stepdoc.yml see them. Rules without a page of their own link to the
    /// README's list of rules.
    public static let stepdoc = RuleCatalogue.content
        .appending(ParityRules.descriptors)
        .appending(fileRules)
        .withDefaultHelpURI { _ in StepDocVersion.rulesURI }

    /// Problems reading the inputs and writing the outputs.
    static let fileRules = [
        RuleDescriptor(
            id: .ioUnreadable, defaultSeverity: .error,
            summary: "every input file and folder can be read and is a text file within the size limit"),
        RuleDescriptor(
            id: .ioSymlinkLoop, defaultSeverity: .warning,
            summary: "symbolic links in content folders do not loop"),
        RuleDescriptor(
            id: .ioBrokenLink, defaultSeverity: .warning,
            summary: "symbolic links in content folders point at something that exists"),
        RuleDescriptor(
            id: .ioUnwritable, defaultSeverity: .error,
            summary: "output files and reports can be written"),
        RuleDescriptor(
            id: .ioOutputCollision, defaultSeverity: .error,
            summary:
                "no two sources write one output file (the same name in two content folders, or steps-x.rst beside "
                + "steps-x.yaml); found before anything is written"),
        RuleDescriptor(
            id: .templatesInvalid, defaultSeverity: .error,
            summary: "the template set exists, has the templates a command needs, and they are valid Mustache"),
        RuleDescriptor(
            id: .configInvalid, defaultSeverity: .error,
            summary: "stepdoc.yml and the command-line options are valid"),
        RuleDescriptor(
            id: .checksManifest, defaultSeverity: .error,
            summary: "every check manifest follows the contract (Schemas/check-manifest.schema.json)"),
        RuleDescriptor(
            id: .checksRunner, defaultSeverity: .error,
            summary: "every check runner starts, answers within check-runner-timeout and follows the protocol"),
    ]
}
