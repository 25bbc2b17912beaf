import StepSyntax

/// One step of a giza steps YAML file, as giza reads it: every field optional, so a step that
/// inherits (`source:`/`inherit:`) takes the fields it does not set from the step it names.
struct GizaYAMLStep: Sendable {
    var title: YAMLText?
    /// `title: {text, character}`'s character.
    var titleCharacter: Unicode.Scalar?
    /// `level`: 1–6, the heading character's level (`=`1 `-`2 `~`3 `` ` ``4 `^`5 `'`6).
    var level: Int?
    var stepnum: Int?
    var stepnumRange: SourceRange?
    var ref: String?
    var isOptional: Bool?
    var pre: YAMLText?
    var content: YAMLText?
    var post: YAMLText?
    var actions: [GizaYAMLAction]?
    var replacement: [String: String]?
    var source: Source?
    /// The document's first field, where findings about the whole step point.
    var range: SourceRange
    var file: String

    /// `source: {file, ref}`: the step this one starts from.
    struct Source: Sendable {
        var file: String
        var ref: String
        var range: SourceRange
    }

    init(range: SourceRange, file: String) {
        self.range = range
        self.file = file
    }

    /// The step with every field it does not set taken from `base` (giza: the child's fields win).
    func inheriting(from base: GizaYAMLStep) -> GizaYAMLStep {
        var merged = self
        merged.title = title ?? base.title
        merged.titleCharacter = title == nil ? base.titleCharacter : titleCharacter
        merged.level = level ?? base.level
        merged.stepnum = stepnum ?? base.stepnum
        merged.stepnumRange = stepnum == nil ? base.stepnumRange : stepnumRange
        merged.ref = ref ?? base.ref
        merged.isOptional = isOptional ?? base.isOptional
        merged.pre = pre ?? base.pre
        merged.content = content ?? base.content
        merged.post = post ?? base.post
        merged.actions = actions ?? base.actions
        merged.replacement = replacement ?? base.replacement
        return merged
    }

    /// The heading level: `level`, or the title's character's, or giza's default 3 (`~`).
    var headingLevel: Int {
        if let level { return min(max(level, 1), 6) }
        if let titleCharacter, let level = Self.characters.firstIndex(of: titleCharacter) { return level + 1 }
        return 3
    }

    /// giza's heading characters by level, 1 first.
    static let characters: [Unicode.Scalar] = ["=", "-", "~", "`", "^", "'"]

    static func character(level: Int) -> Unicode.Scalar {
        characters[min(max(level, 1), 6) - 1]
    }

    /// The step with `{{name}}` replaced in every text field.
    func replaced() -> GizaYAMLStep {
        guard let replacement, !replacement.isEmpty else { return self }
        var copy = self
        copy.title = title?.replacing(replacement)
        copy.pre = pre?.replacing(replacement)
        copy.content = content?.replacing(replacement)
        copy.post = post?.replacing(replacement)
        copy.actions = actions?.map { $0.replacing(replacement) }
        return copy
    }
}

/// One `action` of a giza YAML step: an optional heading, text around a code block.
struct GizaYAMLAction: Sendable {
    var heading: YAMLText?
    var isOptional = false
    var pre: YAMLText?
    var code: YAMLText?
    var language: String?
    var isCopyable = false
    var content: YAMLText?
    var post: YAMLText?

    func replacing(_ replacements: [String: String]) -> GizaYAMLAction {
        var copy = self
        copy.heading = heading?.replacing(replacements)
        copy.pre = pre?.replacing(replacements)
        copy.code = code?.replacing(replacements)
        copy.content = content?.replacing(replacements)
        copy.post = post?.replacing(replacements)
        return copy
    }
}
