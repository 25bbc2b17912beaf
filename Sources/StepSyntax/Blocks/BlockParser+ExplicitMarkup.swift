/// Explicit markup: directives, hyperlink targets, substitution definitions, footnotes and comments.
extension BlockParser {
    mutating func parseExplicitMarkup(_ index: Int, _ region: Region, depth: Int, into blocks: inout [BlockNode])
        -> Int
    {
        let markerStart = textStart(index, region)
        let lineEnd = trimmedEnd(index)
        let end = indentedEnd(from: index + 1, region)
        let blockEnd = trimBlankEnd(index + 1, end)
        var position = markerStart + 2
        while position < lineEnd, isSpace(bytes[position]) { position += 1 }

        if position < lineEnd {
            let first = bytes[position]
            if first == UInt8(ascii: "_"),
                let target = hyperlinkTarget(index, region, nameStart: position + 1, blockEnd: blockEnd)
            {
                blocks.append(BlockNode(kind: .hyperlinkTarget(target), range: blockRange(index, blockEnd, region)))
                return finishExplicit(end, blockEnd, region)
            }
            if first == UInt8(ascii: "|"),
                let definition = substitutionDefinition(
                    index, region, barStart: position, blockEnd: blockEnd, depth: depth)
            {
                blocks.append(
                    BlockNode(kind: .substitutionDefinition(definition), range: blockRange(index, blockEnd, region)))
                return finishExplicit(end, blockEnd, region)
            }
            if first == UInt8(ascii: "["),
                let footnote = footnote(index, region, open: position, blockEnd: blockEnd, depth: depth)
            {
                blocks.append(BlockNode(kind: .footnote(footnote), range: blockRange(index, blockEnd, region)))
                return finishExplicit(end, blockEnd, region)
            }
            if let (nameEnd, afterMarker) = directiveMarker(position, lineEnd) {
                let directive = parseDirective(
                    index, region, nameStart: position, nameEnd: nameEnd, contentStart: afterMarker,
                    blockEnd: blockEnd, depth: depth)
                blocks.append(BlockNode(kind: .directive(directive), range: blockRange(index, blockEnd, region)))
                return finishExplicit(end, blockEnd, region)
            }
        }
        // Anything else is a comment; `..` on its own followed by a blank line is an empty comment.
        let commentEnd =
            position >= lineEnd && (index + 1 >= region.upper || lines[index + 1].isBlank) ? index + 1 : blockEnd
        let sub = subregion(index, commentEnd, region, firstStart: position)
        let text = literalText(sub.lower, commentEnd, sub)
        blocks.append(BlockNode(kind: .comment(Comment(text: text)), range: blockRange(index, commentEnd, region)))
        return commentEnd == index + 1 ? index + 1 : finishExplicit(end, blockEnd, region)
    }

    /// Warns when explicit markup is followed directly by an unindented line, and returns where the
    /// body continues.
    private mutating func finishExplicit(_ end: Int, _ blockEnd: Int, _ region: Region) -> Int {
        if end < region.upper, end == blockEnd, !isBlank(end, region) {
            let start = textStart(end, region)
            let isExplicit =
                bytes[start] == UInt8(ascii: ".") && start + 1 < trimmedEnd(end)
                && bytes[start + 1] == UInt8(ascii: ".")
            let isAnonymousTarget =
                bytes[start] == UInt8(ascii: "_") && start + 1 < trimmedEnd(end)
                && bytes[start + 1] == UInt8(ascii: "_")
            if !isExplicit && !isAnonymousTarget {
                warn(
                    .rstMarkup, "explicit markup ends without a blank line; unexpected unindent",
                    lineRange(end, region),
                    explanation: "Put a blank line between a directive, comment or target and the text after it.")
            }
        }
        return end
    }

    private func blockRange(_ index: Int, _ blockEnd: Int, _ region: Region) -> SourceRange {
        let start = location(index, textStart(index, region))
        let last = max(index, blockEnd - 1)
        return start..<max(start, location(last, trimmedEnd(last)))
    }

    /// The end of a directive name and the offset after its `::` (and spaces), if `start` begins
    /// `name::`.
    func directiveMarker(_ start: Int, _ end: Int) -> (nameEnd: Int, after: Int)? {
        var position = start
        func isNameByte(_ byte: UInt8) -> Bool {
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A)
                || byte >= 0x80
        }
        guard position < end, isNameByte(bytes[position]) else { return nil }
        while position < end {
            let byte = bytes[position]
            if isNameByte(byte) {
                position += 1
            } else if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
                || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ":"),
                position + 1 < end, isNameByte(bytes[position + 1])
            {
                position += 1
            } else {
                break
            }
        }
        let nameEnd = position
        if position < end, bytes[position] == 0x20 { position += 1 }
        guard position + 1 < end, bytes[position] == UInt8(ascii: ":"), bytes[position + 1] == UInt8(ascii: ":")
        else { return nil }
        position += 2
        guard position == end || isSpace(bytes[position]) else { return nil }
        while position < end, isSpace(bytes[position]) { position += 1 }
        return (nameEnd, position)
    }

    // MARK: - Directives

    mutating func parseDirective(
        _ index: Int, _ region: Region, nameStart: Int, nameEnd: Int, contentStart: Int, blockEnd: Int, depth: Int
    ) -> Directive {
        let name = file.text(from: nameStart, to: nameEnd)
        let nameRange = location(index, nameStart)..<location(index, nameEnd)
        let spec = options.directives.spec(for: name)
        let block = subregion(index, blockEnd, region, firstStart: contentStart)

        // docutils' parse_directive_block: skip a blank first line, split arguments from content at the
        // first blank line, options start at the first field marker.
        // Only the (empty) rest of the directive line is skipped: a blank line after it means there
        // are no arguments or options, as in docutils.
        var first = block.lower
        if isBlank(first, block) { first += 1 }
        var argumentLines = first..<first
        var optionLines = first..<first
        var contentLines = first..<block.upper
        if first < block.upper, !isBlank(first, block), spec.arguments != .none || spec.hasOptions {
            var blank = first
            while blank < block.upper, !isBlank(blank, block) { blank += 1 }
            argumentLines = first..<blank
            contentLines = min(blank + 1, block.upper)..<block.upper
            if spec.hasOptions {
                var optionStart = first
                while optionStart < blank {
                    let start = textStart(optionStart, block)
                    if relativeIndent(optionStart, block) == 0, fieldMarkerEnd(start, trimmedEnd(optionStart)) != nil {
                        break
                    }
                    optionStart += 1
                }
                optionLines = optionStart..<blank
                argumentLines = first..<optionStart
            }
            if !argumentLines.isEmpty, spec.arguments == .none {
                contentLines = argumentLines.lowerBound..<block.upper
                argumentLines = first..<first
            }
            if spec.arguments == .word, argumentLines.count > 1, spec.content != .none, optionLines.isEmpty {
                // `.. code-block:: sh` directly followed by its content: the blank line is missing.
                warn(
                    .rstMarkup, "directive '\(name)' needs a blank line between its argument and its content",
                    lineRange(argumentLines.lowerBound + 1, block))
                contentLines = (argumentLines.lowerBound + 1)..<block.upper
                argumentLines = argumentLines.lowerBound..<(argumentLines.lowerBound + 1)
            }
        }
        var argument = ""
        var argumentRange: SourceRange? = nil
        if !argumentLines.isEmpty {
            var parts: [String] = []
            for line in argumentLines {
                parts.append(file.text(from: textStart(line, block), to: trimmedEnd(line)))
            }
            argument = parts.joined(separator: " ")
            argumentRange = range(argumentLines.lowerBound, argumentLines.upperBound, block)
        }
        let options = parseOptions(optionLines, block, directive: name, into: &contentLines)
        while contentLines.lowerBound < contentLines.upperBound, isBlank(contentLines.lowerBound, block) {
            contentLines = (contentLines.lowerBound + 1)..<contentLines.upperBound
        }
        var content = DirectiveContent.none
        var contentRange: SourceRange? = nil
        if !contentLines.isEmpty {
            let contentRegion = Region(
                lower: contentLines.lowerBound, upper: contentLines.upperBound, indent: block.indent,
                firstStart: contentLines.lowerBound == block.lower ? block.firstStart : nil)
            contentRange = range(of: contentRegion)
            switch spec.content {
            case .blocks
            where Self.isGizaTabsYAML(
                name: name,
                firstLine: file.text(
                    from: textStart(contentRegion.lower, contentRegion), to: trimmedEnd(contentRegion.lower))):
                // giza's YAML tabs (`tabs:` with `- id:` items) are YAML, not reStructuredText.
                content = .literal(
                    LiteralBlock(text: literalText(contentRegion.lower, contentRegion.upper, contentRegion)))
            case .blocks:
                content = .blocks(parseBody(contentRegion, depth: depth + 1))
            case .literal:
                content = .literal(
                    LiteralBlock(text: literalText(contentRegion.lower, contentRegion.upper, contentRegion)))
            case .none:
                warn(
                    .rstMarkup, "directive '\(name)' has no content, but content was found",
                    contentRange ?? nameRange,
                    explanation: "Is the blank line after the directive missing, or the text indented by mistake?")
            }
        }
        return Directive(
            name: name, nameRange: nameRange, argument: argument, argumentRange: argumentRange, options: options,
            content: content, contentRange: contentRange)
    }

    /// Whether a tabs directive's content is giza's YAML form: it opens with `tabs:` or `hidden:`.
    static func isGizaTabsYAML(name: String, firstLine: String) -> Bool {
        guard name == "tabs" || name.hasPrefix("tabs-") else { return false }
        return firstLine == "tabs:" || firstLine.hasPrefix("hidden:")
    }

    private mutating func parseOptions(
        _ optionLines: Range<Int>, _ block: Region, directive: String, into contentLines: inout Range<Int>
    ) -> [DirectiveOption] {
        var options: [DirectiveOption] = []
        var line = optionLines.lowerBound
        while line < optionLines.upperBound {
            let start = textStart(line, block)
            let end = trimmedEnd(line)
            guard relativeIndent(line, block) == 0, let markerEnd = fieldMarkerEnd(start, end) else {
                if relativeIndent(line, block) > 0, !options.isEmpty {
                    // A continuation of the previous option's value.
                    options[options.count - 1].value += " " + file.text(from: Int(lines[line].contentStart), to: end)
                    options[options.count - 1].range = options[options.count - 1].range.lowerBound..<location(line, end)
                    line += 1
                    continue
                }
                warn(
                    .rstMarkup, "invalid option block in directive '\(directive)'", lineRange(line, block),
                    explanation: "Options are ':name: value' lines right after the directive line; "
                        + "content follows after a blank line.")
                contentLines = line..<contentLines.upperBound
                return options
            }
            let name = file.text(from: start + 1, to: markerEnd - 1)
            var valueStart = markerEnd
            while valueStart < end, isSpace(bytes[valueStart]) { valueStart += 1 }
            options.append(
                DirectiveOption(
                    name: name, value: file.text(from: valueStart, to: end),
                    range: location(line, start)..<location(line, end)))
            line += 1
        }
        return options
    }

    // MARK: - Targets, substitutions, footnotes

    /// `.. _name: destination`, `.. __: destination`, `` .. _`name`: ``; `nameStart` is after the `_`.
    private mutating func hyperlinkTarget(_ index: Int, _ region: Region, nameStart: Int, blockEnd: Int)
        -> HyperlinkTarget?
    {
        let lineEnd = trimmedEnd(index)
        var position = nameStart
        var name: String
        var nameRange: SourceRange
        var anonymous = false
        if position < lineEnd, bytes[position] == UInt8(ascii: "_"), position + 1 < lineEnd,
            bytes[position + 1] == UInt8(ascii: ":")
        {
            anonymous = true
            name = ""
            nameRange = location(index, position - 1)..<location(index, position + 2)
            position += 2
        } else if position < lineEnd, bytes[position] == UInt8(ascii: "`") {
            var close = position + 1
            while close < lineEnd, bytes[close] != UInt8(ascii: "`") { close += 1 }
            guard close + 1 < lineEnd, bytes[close + 1] == UInt8(ascii: ":") else { return nil }
            name = Escapes.resolve(file.text(from: position + 1, to: close))
            nameRange = location(index, position - 1)..<location(index, close + 2)
            position = close + 2
        } else {
            guard position < lineEnd, bytes[position] != 0x20 else { return nil }
            var colon = position
            while colon < lineEnd {
                if bytes[colon] == UInt8(ascii: "\\") {
                    colon += 2
                    continue
                }
                if bytes[colon] == UInt8(ascii: ":"), colon + 1 == lineEnd || isSpace(bytes[colon + 1]) { break }
                colon += 1
            }
            guard colon < lineEnd, colon > position, bytes[colon - 1] != 0x20 else {
                warn(
                    .rstMarkup, "malformed hyperlink target: the name must end with ':'",
                    lineRange(index, region),
                    explanation: "Write '.. _name: https://example.com/' or '.. _label:' for a label.")
                return nil
            }
            name = Escapes.resolve(file.text(from: position, to: colon))
            nameRange = location(index, position - 1)..<location(index, colon + 1)
            position = colon + 1
        }
        // The destination: the rest of the line and the indented lines after it.
        var parts: [UInt8] = []
        var destinationStart: SourceLocation? = nil
        var destinationEnd = location(index, lineEnd)
        for line in index..<max(index + 1, blockEnd) {
            let start = line == index ? position : Int(lines[line].contentStart)
            let end = trimmedEnd(line)
            var cursor = start
            while cursor < end {
                let byte = bytes[cursor]
                if !isSpace(byte) {
                    if destinationStart == nil { destinationStart = location(line, cursor) }
                    parts.append(byte)
                    destinationEnd = location(line, cursor + 1)
                }
                cursor += 1
            }
        }
        let destination: HyperlinkTarget.Destination
        if let destinationStart {
            let range = destinationStart..<destinationEnd
            let text = String(decoding: parts, as: UTF8.self)
            if parts.last == UInt8(ascii: "_"), parts.count >= 2, parts[parts.count - 2] != UInt8(ascii: "\\") {
                var alias = String(decoding: parts.dropLast(), as: UTF8.self)
                if alias.hasPrefix("`"), alias.hasSuffix("`"), alias.count >= 2 {
                    alias = String(alias.dropFirst().dropLast())
                }
                destination = .alias(Escapes.resolve(alias), range: range)
            } else {
                destination = .url(Escapes.resolve(text), range: range)
            }
        } else {
            destination = .label
        }
        return HyperlinkTarget(name: name, nameRange: nameRange, destination: destination, isAnonymous: anonymous)
    }

    /// `__ url`: the short form of an anonymous target.
    mutating func parseAnonymousTargetShorthand(_ index: Int, _ region: Region, into blocks: inout [BlockNode]) -> Int {
        let start = textStart(index, region)
        let end = indentedEnd(from: index + 1, region)
        let blockEnd = trimBlankEnd(index + 1, end)
        var parts: [UInt8] = []
        var destinationEnd = location(index, trimmedEnd(index))
        var destinationStart: SourceLocation? = nil
        for line in index..<max(index + 1, blockEnd) {
            let lineStart = line == index ? start + 2 : Int(lines[line].contentStart)
            for cursor in lineStart..<max(lineStart, trimmedEnd(line)) where !isSpace(bytes[cursor]) {
                if destinationStart == nil { destinationStart = location(line, cursor) }
                parts.append(bytes[cursor])
                destinationEnd = location(line, cursor + 1)
            }
        }
        let nameRange = location(index, start)..<location(index, start + 2)
        let destination: HyperlinkTarget.Destination =
            destinationStart.map {
                .url(String(decoding: parts, as: UTF8.self), range: $0..<destinationEnd)
            } ?? .label
        let target = HyperlinkTarget(name: "", nameRange: nameRange, destination: destination, isAnonymous: true)
        blocks.append(BlockNode(kind: .hyperlinkTarget(target), range: nameRange.lowerBound..<destinationEnd))
        return end
    }

    private mutating func substitutionDefinition(
        _ index: Int, _ region: Region, barStart: Int, blockEnd: Int, depth: Int
    ) -> SubstitutionDefinition? {
        let lineEnd = trimmedEnd(index)
        var close = barStart + 1
        while close < lineEnd, bytes[close] != UInt8(ascii: "|") || bytes[close - 1] == 0x20 { close += 1 }
        guard close < lineEnd, close > barStart + 1, bytes[barStart + 1] != 0x20 else { return nil }
        let name = Escapes.resolve(file.text(from: barStart + 1, to: close))
        let nameRange = location(index, barStart)..<location(index, close + 1)
        var position = close + 1
        while position < lineEnd, isSpace(bytes[position]) { position += 1 }
        guard let (nameEnd, after) = directiveMarker(position, lineEnd) else {
            warn(
                .rstMarkup, "substitution definition '\(name)' is missing its directive", lineRange(index, region),
                explanation: "Write '.. |name| replace:: text' or '.. |name| image:: path'.")
            return nil
        }
        let directive = parseDirective(
            index, region, nameStart: position, nameEnd: nameEnd, contentStart: after, blockEnd: blockEnd, depth: depth)
        return SubstitutionDefinition(name: name, nameRange: nameRange, directive: directive)
    }

    private mutating func footnote(_ index: Int, _ region: Region, open: Int, blockEnd: Int, depth: Int) -> Footnote? {
        let lineEnd = trimmedEnd(index)
        var close = open + 1
        while close < lineEnd, bytes[close] != UInt8(ascii: "]") {
            if isSpace(bytes[close]) { return nil }
            close += 1
        }
        guard close < lineEnd, close > open + 1, close + 1 == lineEnd || isSpace(bytes[close + 1]) else { return nil }
        let label = file.text(from: open + 1, to: close)
        let sub = subregion(index, blockEnd, region, firstStart: close + 1)
        return Footnote(label: label, blocks: parseBody(sub, depth: depth + 1))
    }
}
