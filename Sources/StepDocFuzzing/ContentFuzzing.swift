import StepModel
import StepRender
import StepSyntax

/// One fuzz input through the whole content pipeline: parse, lower, the structural rules, then HTML
/// (through Mustache templates), plain text and CommonMark, and the tree dumps.
///
/// The input may carry a second file after a line `%%include%%`: it is served as `/includes/fuzz.rst`
/// (and `fuzz.rst`), so the fuzzer can explore includes too. Apart from what any crash would show,
/// every diagnostic must point at a real place: line and column at least 1, and within the file.
public enum ContentFuzzing {
    /// The separator between the main file and the included one.
    public static let includeSeparator = Array("\n%%include%%\n".utf8)

    /// Runs the bytes libFuzzer hands over.
    public static func run(_ data: UnsafeBufferPointer<UInt8>) {
        run(Array(data))
    }

    /// The templates the fuzz executable made once, before the first input (``prepareTemplates()``);
    /// `nil` in the test bundle, which makes them per input.
    nonisolated(unsafe) private static var preparedTemplates: TemplateSet? = nil

    /// Makes the templates once for the whole run, so that an input pays only for its own work: parsing
    /// them for every input was a tenth of each input's time. Called by the fuzz executable before
    /// libFuzzer starts; their memory is made invisible to LeakSanitizer (see ``makeTemplates()``).
    public static func prepareTemplates(ignoringLeaks: (() -> TemplateSet) -> TemplateSet) {
        preparedTemplates = ignoringLeaks(makeTemplates)
    }

    /// Runs one input; traps (which the fuzzer reports) when an invariant fails.
    public static func run(_ input: [UInt8]) {
        var main = input[...]
        var included: ArraySlice<UInt8> = []
        if let split = FuzzInput.firstRange(of: includeSeparator, in: input) {
            main = input[..<split.lowerBound]
            included = input[split.upperBound...]
        }
        let file = SourceFile(path: "fuzz.rst", bytes: Array(main))
        let includedText = String(decoding: included, as: UTF8.self)
        let options = LoweringOptions(
            includes: InMemoryIncludes([
                "/includes/fuzz.rst": includedText, "fuzz.rst": includedText,
                "/includes/self.rst": ".. include:: /includes/self.rst\n",
                "/includes/code.py": "# start\nprint('one')\n    # end\nprint('two')\n",
            ]),
            maximumIncludeDepth: 4)
        let tree = SyntaxTree(parsing: file, options: options.parseOptions)
        var diagnostics = tree.diagnostics
        let procedure = Procedure(lowering: tree, options: options, diagnostics: &diagnostics)
        diagnostics.append(contentsOf: ProcedureRules.check(procedure, in: file))
        for diagnostic in diagnostics {
            FuzzInput.require(locatedIn: file, diagnostic)
        }
        let renderOptions = RenderOptions(extraTags: ["fuzz"], textWidth: 40)
        _ = HTMLRenderer(templates: preparedTemplates ?? makeTemplates(), options: renderOptions).render(procedure, title: "Fuzz")
        _ = PlainTextRenderer(options: renderOptions).render(procedure, title: "Fuzz")
        _ = MarkdownRenderer(options: renderOptions).render(procedure, title: "Fuzz")
        _ = tree.dump.rendered
        _ = procedure.dump.rendered
    }

    /// A template set built from inline strings that uses every key of the page and procedure contexts.
    ///
    /// LeakSanitizer cannot follow Swift's tagged pointers to the parsed templates' enum payloads, so a
    /// set kept in a global reads as leaked: the fuzz executable makes its one set with leak detection
    /// off (``prepareTemplates(ignoringLeaks:)``, `__lsan_disable`), the tests make one per input.
    static func makeTemplates() -> TemplateSet {
        let page = """
            <title>{{title}}</title><style>{{{stylesheet}}}</style><p>{{source}} {{generator}}</p>
            {{#procedure}}{{> procedure}}{{/procedure}}{{{extraBodyHTML}}}
            """
        let procedure = """
            <section aria-label="{{title}}">{{#hasLooseContent}}{{{looseHTML}}}{{/hasLooseContent}}
            <ol>{{#steps}}<li class="{{#isOptional}}optional{{/isOptional}}{{classes}}" id="{{anchor}}" \
            value="{{number}}"><h2>{{number}} {{{titleHTML}}}</h2>{{#hasBody}}{{{bodyHTML}}}{{/hasBody}}</li>\
            {{/steps}}</ol></section>
            """
        do {
            return try TemplateSet(
                name: "fuzz",
                sources: ["page": ("page.mustache", page), "procedure": ("procedure.mustache", procedure)],
                stylesheet: "body {}")
        } catch {
            fatalError("the fuzz templates do not parse: \(error)")
        }
    }
}
