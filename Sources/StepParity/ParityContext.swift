import StepDocChecks
import StepModel
import StepSyntax

/// What the parity rules look at: a procedure, the file it was read from, its check suite, and which
/// check matches which step.
public struct ParityContext: Sendable {
    public let procedure: Procedure
    /// The step file, for the exact position of values inside titles.
    public let file: SourceFile
    public let suite: SuiteDefinition
    public let options: ParityOptions
    public let matching: StepCheckMatching

    public init(procedure: Procedure, file: SourceFile, suite: SuiteDefinition, options: ParityOptions = ParityOptions()) {
        self.procedure = procedure
        self.file = file
        self.suite = suite
        self.options = options
        self.matching = StepCheckMatching(procedure: procedure, suite: suite)
    }
}

extension ParityContext {
    /// `step 2`, by its documented number (or its position when it has none).
    func stepLabel(_ index: Int) -> String {
        let number = procedure.steps[index].primary.numberText
        return number.isEmpty ? "step \(index + 1)" : "step \(number)"
    }

    /// The title of the step at `index` in its primary (HTML) copy.
    func titleLocation(ofStep index: Int) -> DiagnosticLocation {
        DiagnosticLocation(file: file.path, range: procedure.steps[index].primary.titleRange)
    }

    /// Where a check is declared in Swift, with its path made relative to the working directory.
    func declarationLocation(of check: CheckDefinition) -> DiagnosticLocation {
        declarationLocation(check.declaration)
    }

    /// A place in Swift source, with its path made relative to the working directory.
    func declarationLocation(_ declaration: Declaration) -> DiagnosticLocation {
        let start = SourceLocation(line: declaration.line, column: declaration.column)
        let end = SourceLocation(line: declaration.line, column: declaration.column + 1)
        return DiagnosticLocation(file: options.displayPath(declaration.file), range: start..<end)
    }

    /// A note at an enforced value's own literal in Swift.
    func declarationNote(_ message: String, of value: BoundValue) -> DiagnosticNote {
        DiagnosticNote(message: message, location: declarationLocation(value.declaration))
    }

    /// A note at a check's Swift declaration.
    func declarationNote(_ message: String, of check: CheckDefinition) -> DiagnosticNote {
        DiagnosticNote(message: message, location: declarationLocation(of: check))
    }

    /// The check's title with its enforced values in place of the placeholders they are bound to:
    /// what the step would say if it agreed with the code.
    func expectedTitle(of check: CheckDefinition) -> String {
        var values: [String: String] = [:]
        for value in check.values {
            if case .titlePlaceholder(let name) = value.source {
                values[name] = value.enforced.documentedForm
            }
        }
        return check.title.rendered(with: values)
    }

    /// The name of the file the suite's checks are declared in, for explanations.
    var suiteDeclarationFile: String? {
        suite.checks.first.map { options.displayPath($0.declaration.file) }
    }
}
