import StepSyntax

extension ProcedureLowerer {
    /// Options of `image` and `figure` (docutils, Sphinx and MongoDB's snooty). Values that become HTML
    /// attributes are validated as docutils validates them; anything else is a finding and dropped.
    static let imageOptions: Set<String> = [
        "alt", "width", "height", "scale", "align", "target", "class", "name", "loading", "border", "lightbox",
    ]
    static let figureOptions: Set<String> = imageOptions.union(["figwidth", "figclass"])

    mutating func figure(_ directive: Directive) -> Figure {
        let isImage = directive.name == "image"
        let uri = directive.argument.filter { $0 != " " }
        if uri.isEmpty {
            diagnose(
                .error, .rstDirective, "'\(directive.name)' needs the path of an image", directive.nameRange,
                explanation: "Write '.. \(directive.name):: /images/name.png'.")
        }
        var caption: [Inline] = []
        var legend: [Block] = []
        if !isImage, case .blocks(let blocks) = directive.content {
            var rest = blocks[...]
            if let first = rest.first, case .paragraph(let paragraph) = first.kind {
                caption = lowerInlines(paragraph.inlines)
                rest = rest.dropFirst()
            }
            legend = lowerBlocks(Array(rest))
        }
        var figure = Figure(uri: uri, alt: nil, width: nil, caption: caption, legend: legend, isImage: isImage)
        var scale: Int? = nil
        let known = isImage ? Self.imageOptions : Self.figureOptions
        for option in directive.options {
            let value = option.value.trimmingWhitespace()
            switch option.name {
            case "alt": figure.alt = value
            case "width": figure.width = length(option, directive: directive, percentage: true)
            case "height": figure.height = length(option, directive: directive, percentage: false)
            case "figwidth":
                // `image` is the image's own width: what a figure without a width shrinks to anyway.
                if value != "image" { figure.figureWidth = length(option, directive: directive, percentage: true) }
            case "scale":
                let number = value.hasSuffix("%") ? String(value.dropLast()).trimmingWhitespace() : value
                if let percent = Int(number), percent > 0 {
                    scale = percent
                } else {
                    invalidOption(option, directive: directive, expected: "a percentage such as '50%'")
                }
            case "align":
                let allowed =
                    isImage ? ["top", "middle", "bottom", "left", "center", "right"] : ["left", "center", "right"]
                if allowed.contains(value) {
                    figure.align = value
                } else {
                    invalidOption(
                        option, directive: directive,
                        expected: "one of " + allowed.map { "'\($0)'" }.joined(separator: ", "))
                }
            case "target": figure.target = imageTarget(option, directive: directive)
            case "class", "figclass":
                for name in value.split(separator: " ") {
                    let className = String(name)
                    if Self.isClassName(className) {
                        figure.classes.append(className)
                    } else {
                        invalidOption(option, directive: directive, expected: "class names of letters, digits and '-'")
                    }
                }
            case "border":
                figure.classes.append("border")
            case "name", "loading", "lightbox":
                break
            default:
                guard !known.contains(option.name) else { break }
                diagnose(
                    .warning, .rstDirective, "'\(directive.name)' has no option ':\(option.name):'", option.range,
                    explanation: "It is ignored. '\(directive.name)' takes "
                        + known.sorted().map { ":\($0):" }.joined(separator: ", ") + ".")
            }
        }
        if let scale {
            if figure.width == nil && figure.height == nil {
                diagnose(
                    .warning, .rstImage, "':scale:' needs ':width:' or ':height:' to scale here",
                    directive.options.first { $0.name == "scale" }?.range ?? directive.nameRange,
                    explanation: "stepdoc does not read image sizes; give the width the scaled image should have.")
            }
            figure.width = figure.width.map { Self.scaled($0, by: scale) }
            figure.height = figure.height.map { Self.scaled($0, by: scale) }
        }
        if !uri.isEmpty {
            checkURL(uri, range: directive.argumentRange ?? directive.nameRange, what: "image")
            figure.file = locateImage(uri, directive: directive)
            if figure.alt == nil {
                diagnose(
                    .note, .rstImage,
                    "'\(directive.name)' has no ':alt:' text; its \(caption.isEmpty ? "file name" : "caption") is used",
                    directive.nameRange,
                    explanation: "Screen readers read the alternative text in place of the image: say what it shows.")
            }
        }
        return figure
    }

    /// The image file under the source root, or a finding; URLs are left to the browser.
    private mutating func locateImage(_ uri: String, directive: Directive) -> ImageFile? {
        if Self.isURL(uri) { return nil }
        let range = directive.argumentRange ?? directive.nameRange
        switch options.includes.locateImage(uri, from: currentFile) {
        case .file(let file):
            return file
        case .failure(let failure):
            let summary: String
            switch failure {
            case .missing: summary = "image file '\(uri)' does not exist"
            case .outsideSourceRoot(_, let root): summary = "image file '\(uri)' is outside the source root '\(root)'"
            case .isDirectory: summary = "image path '\(uri)' is a folder, not a file"
            case .unreadable(_, let reason): summary = "image file '\(uri)' cannot be read: \(reason)"
            case .tooLarge(_, let limit): summary = "image file '\(uri)' is larger than \(limit) bytes"
            }
            diagnose(
                .warning, .rstImage, summary, range,
                explanation:
                    "A path starting with '/' is read from the source root, others from the file's folder; "
                    + "the page shows the alternative text instead.")
            return nil
        }
    }

    /// `:target:`: a URL, or a reference name (`name_`) resolved through the file's targets.
    private mutating func imageTarget(_ option: DirectiveOption, directive: Directive) -> String? {
        let value = option.value.trimmingWhitespace()
        if value.hasSuffix("_"), !value.hasSuffix("\\_") {
            let name = String(value.dropLast()).trimmingCharacters(in: "`")
            if let destination = targets.destination(of: ReferenceName.normalize(name)) {
                checkURL(destination, range: option.range, what: "':target:' link")
                return destination
            }
            diagnose(
                .warning, .rstUnknownTarget, "no hyperlink target named '\(name)' for ':target:'", option.range,
                explanation: "The image is shown without a link.")
            return nil
        }
        let uri = value.filter { $0 != " " }
        guard !uri.isEmpty else {
            invalidOption(option, directive: directive, expected: "a URL or a reference name ending in '_'")
            return nil
        }
        checkURL(uri, range: option.range, what: "':target:' link")
        return uri
    }

    /// A docutils length (`760`, `12.5em`, `50%`) as CSS, unitless numbers in pixels; `nil` and a finding
    /// for anything else (which would otherwise go into a `style` attribute as written).
    private mutating func length(_ option: DirectiveOption, directive: Directive, percentage: Bool) -> String? {
        if let css = Self.cssLength(option.value, percentage: percentage) { return css }
        invalidOption(
            option, directive: directive,
            expected: "a length such as '760', '760px', '12em'" + (percentage ? " or '50%'" : ""))
        return nil
    }

    private mutating func invalidOption(_ option: DirectiveOption, directive: Directive, expected: String) {
        diagnose(
            .warning, .rstDirective,
            "':\(option.name):' of '\(directive.name)' must be \(expected), not '\(option.value)'", option.range,
            explanation: "The option is dropped.")
    }

    /// docutils' units for lengths (CSS units in docutils 0.18 and later).
    static let lengthUnits: Set<String> = [
        "", "em", "ex", "px", "in", "cm", "mm", "pt", "pc", "ch", "rem", "vw", "vh", "vmin", "vmax", "Q",
    ]

    /// `text` as a CSS length: a non-negative decimal number and a unit (none means pixels).
    static func cssLength(_ text: String, percentage: Bool) -> String? {
        let bytes = Array(text.trimmingWhitespace().utf8)
        var index = 0
        var digits = 0
        var sawPoint = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= 0x30 && byte <= 0x39 {
                digits += 1
            } else if byte == UInt8(ascii: "."), !sawPoint {
                sawPoint = true
            } else {
                break
            }
            index += 1
        }
        guard digits > 0, digits <= 12 else { return nil }
        let number = String(decoding: bytes[..<index], as: UTF8.self)
        var unitStart = index
        while unitStart < bytes.count, bytes[unitStart] == 0x20 { unitStart += 1 }
        let unit = String(decoding: bytes[unitStart...], as: UTF8.self)
        if unit == "%" { return percentage ? number + "%" : nil }
        guard lengthUnits.contains(unit) else { return nil }
        return number + (unit.isEmpty ? "px" : unit)
    }

    /// A CSS length scaled by a percentage (`760px` at 50% is `380px`).
    static func scaled(_ length: String, by percent: Int) -> String {
        let number = length.prefix { $0.isNumber || $0 == "." }
        guard let value = Double(number) else { return length }
        let scaled = value * Double(percent) / 100
        let text = scaled == scaled.rounded() ? String(Int(scaled)) : String(scaled)
        return text + length.dropFirst(number.count)
    }

    static func isURL(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":") else { return false }
        let scheme = text[..<colon]
        return !scheme.isEmpty
            && scheme.allSatisfy { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }
            && (text[colon...].hasPrefix("://") || scheme == "data" || scheme == "mailto")
    }

    static func isClassName(_ text: String) -> Bool {
        !text.isEmpty
            && text.utf8.allSatisfy { byte in
                (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == 0x2D
                    || byte == 0x5F
            }
    }
}

extension String {
    /// The text without leading and trailing `characters`.
    fileprivate func trimmingCharacters(in characters: Character) -> String {
        var slice = Substring(self)
        while slice.first == characters { slice = slice.dropFirst() }
        while slice.last == characters { slice = slice.dropLast() }
        return String(slice)
    }
}
