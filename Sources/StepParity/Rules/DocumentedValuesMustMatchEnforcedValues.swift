import StepDocChecks
import StepModel
import StepSyntax

/// The values a step states are the values its check enforces.
///
/// - A title placeholder's text is compared with the enforced value: `2.6+` documents a minimum of
///   2.6, compared as ``Version`` (`3.0` equals `3.0.0`). The finding points at the captured
///   text in the title, with fix-its that write the enforced value in both copies.
/// - Body role mentions compare as sets, each side named: roles the step mentions but the check does
///   not require (at the first such mention), and roles the check requires but the step does not
///   mention (at the step's title).
///
/// Every finding has a note at the enforced value's own literal in Swift (`.minimumVersion("2.6")`).
public struct DocumentedValuesMustMatchEnforcedValues: ParityRule {
    public static let id: RuleID = .parityValueMismatch
    public static let defaultSeverity = Diagnostic.Severity.error
    public static let summary = "the values a step documents are the values its check enforces"

    public init() {}

    public func check(_ context: ParityContext) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for match in context.matching.matches {
            let check = context.suite.checks[match.check]
            for value in check.values {
                switch value.source {
                case .titlePlaceholder(let name):
                    diagnostics += titleValue(value, placeholder: name, match: match, check: check, context: context)
                case .bodyRoleMentions(let role):
                    diagnostics += roleMentions(value, role: role, match: match, check: check, context: context)
                }
            }
        }
        return diagnostics
    }

    // MARK: - Title placeholders

    private func titleValue(
        _ value: BoundValue, placeholder name: String, match: StepCheckMatching.Match, check: CheckDefinition,
        context: ParityContext
    ) -> [Diagnostic] {
        let label = context.stepLabel(match.step)
        guard let documented = match.captures[name] else {
            return [
                diagnostic(
                    "check '\(check.id)' binds \(value.name) to the title placeholder {\(name)}, which its title "
                        + "pattern does not have",
                    at: context.declarationLocation(of: check),
                    notes: [
                        DiagnosticNote(
                            message: "it implements \(label)", location: context.titleLocation(ofStep: match.step))
                    ])
            ]
        }
        guard !value.enforced.isStated(by: [documented]) else { return [] }
        let step = context.procedure.steps[match.step]
        let pattern = check.title
        let primary = step.primary
        let range =
            TitleValueLocator(copy: primary, file: context.file)
            .range(ofPlaceholder: name, in: pattern, captures: match.captures) ?? primary.titleRange
        var fixIts: [FixIt] = []
        for copy in [step.html, step.print].compactMap({ $0 }) {
            guard let captures = pattern.match(copy.titleText), captures[name] == documented,
                let copyRange = TitleValueLocator(copy: copy, file: context.file)
                    .range(ofPlaceholder: name, in: pattern, captures: captures)
            else { continue }
            fixIts.append(
                FixIt(
                    message: "document the enforced \(value.name)",
                    location: DiagnosticLocation(file: context.file.path, range: copyRange),
                    replacement: value.enforced.documentedForm))
        }
        return [
            diagnostic(
                "\(label) documents \(value.name) \(documented) but check '\(check.id)' enforces "
                    + value.enforced.documentedForm,
                at: DiagnosticLocation(file: context.file.path, range: range),
                explanation: "Change the step or the check so that they agree.",
                notes: [context.declarationNote("check '\(check.id)' enforces \(value.enforced) here", of: value)],
                fixIts: fixIts)
        ]
    }

    // MARK: - Body role mentions

    private func roleMentions(
        _ value: BoundValue, role: String, match: StepCheckMatching.Match, check: CheckDefinition, context: ParityContext
    ) -> [Diagnostic] {
        let step = context.procedure.steps[match.step]
        let label = context.stepLabel(match.step)
        let mentions = RoleMention.mentions(of: role, in: step.body, file: context.file.path)
        let documented = mentions.map(\.target)
        guard !value.enforced.isStated(by: documented) else { return [] }
        let title = context.titleLocation(ofStep: match.step)
        let declaration = { (message: String) in context.declarationNote(message, of: value) }

        guard case .roleSet(let required) = value.enforced.kind else {
            let stated = documented.isEmpty ? "no :\(role): roles" : ChecksMustMatchOneStep.list(documented)
            return [
                diagnostic(
                    "\(label) mentions \(stated) but check '\(check.id)' enforces \(value.enforced)",
                    at: mentions.first?.location ?? title,
                    notes: [declaration("check '\(check.id)' enforces \(value.enforced) here")])
            ]
        }
        var diagnostics: [Diagnostic] = []
        let mentioned = Set(documented)
        let onlyDocumented = mentioned.subtracting(required)
        if let first = mentions.first(where: { onlyDocumented.contains($0.target) }) {
            let names = onlyDocumented.sorted()
            var notes = mentions.filter { onlyDocumented.contains($0.target) }.dropFirst().map {
                DiagnosticNote(message: "\($0.target) is also mentioned here", location: $0.location)
            }
            notes.append(declaration("check '\(check.id)' requires \(Self.roles(required.sorted())) here"))
            diagnostics.append(
                diagnostic(
                    "\(label) names \(ChecksMustMatchOneStep.list(names)) but check '\(check.id)' does not require "
                        + (names.count == 1 ? "it" : "them"),
                    at: first.location,
                    explanation: "The \(value.name) are compared as sets: the :\(role): roles \(label) mentions, and "
                        + "the roles the check requires.",
                    notes: notes))
        }
        let onlyRequired = required.subtracting(mentioned).sorted()
        if !onlyRequired.isEmpty {
            diagnostics.append(
                diagnostic(
                    "check '\(check.id)' requires \(ChecksMustMatchOneStep.list(onlyRequired)) but \(label) does not "
                        + "mention " + (onlyRequired.count == 1 ? "it" : "them"),
                    at: title,
                    explanation: "Mention each required role in the step with :\(role):`name`.",
                    notes: [declaration("check '\(check.id)' requires \(Self.roles(required.sorted())) here")]))
        }
        return diagnostics
    }

    private static func roles(_ names: [String]) -> String {
        names.isEmpty ? "no roles" : ChecksMustMatchOneStep.list(names)
    }
}
