import StepModel
import StepSyntax

/// One mention of a reST role in a step body, such as ``:authrole:`backup` ``, and where it is written.
public struct RoleMention: Sendable, Equatable {
    /// The role's target as the model records it: `backup`, also for ``:authrole:`the backup role <backup>` ``.
    public var target: String
    /// The whole role markup; in an included file for mentions that come from an include.
    public var location: DiagnosticLocation

    public init(target: String, location: DiagnosticLocation) {
        self.target = target
        self.location = location
    }
}

extension RoleMention {
    /// Every mention of `role` in `blocks`, in document order, nested blocks included (lists,
    /// admonitions, containers, conditionals, tabs, the bodies of includes …).
    ///
    /// - Parameter file: the file `blocks` were read from; blocks of an include carry ranges in the
    ///   included file, whose path the include names.
    public static func mentions(of role: String, in blocks: [Block], file: String) -> [RoleMention] {
        var mentions: [RoleMention] = []
        collect(role, in: blocks, file: file, into: &mentions)
        return mentions
    }

    private static func collect(_ role: String, in blocks: [Block], file: String, into mentions: inout [RoleMention]) {
        for block in blocks {
            switch block.kind {
            case .paragraph(let inlines):
                collect(role, in: inlines, file: file, into: &mentions)
            case .heading(let heading):
                collect(role, in: heading.inlines, file: file, into: &mentions)
            case .list(let list):
                for item in list.items {
                    collect(role, in: item, file: file, into: &mentions)
                }
            case .definitionList(let items):
                for item in items {
                    collect(role, in: item.term, file: file, into: &mentions)
                    collect(role, in: item.definition, file: file, into: &mentions)
                }
            case .admonition(let admonition):
                collect(role, in: admonition.title ?? [], file: file, into: &mentions)
                collect(role, in: admonition.body, file: file, into: &mentions)
            case .figure(let figure):
                collect(role, in: figure.caption, file: file, into: &mentions)
                collect(role, in: figure.legend, file: file, into: &mentions)
            case .include(let include):
                collect(role, in: include.body, file: include.resolvedPath ?? include.path, into: &mentions)
            case .tabs(let tabs):
                for tab in tabs {
                    collect(role, in: tab.title, file: file, into: &mentions)
                    collect(role, in: tab.body, file: file, into: &mentions)
                }
            case .conditional(let conditional):
                collect(role, in: conditional.body, file: file, into: &mentions)
            case .blockQuote(let children):
                collect(role, in: children, file: file, into: &mentions)
            case .container(let container):
                collect(role, in: container.body, file: file, into: &mentions)
            case .lineBlock(let lines):
                for line in lines {
                    collect(role, in: line, file: file, into: &mentions)
                }
            case .footnote(let footnote):
                collect(role, in: footnote.body, file: file, into: &mentions)
            case .unknownDirective(let directive):
                collect(role, in: directive.body, file: file, into: &mentions)
            case .codeBlock, .literalInclude, .raw, .transition:
                break
            }
        }
    }

    private static func collect(_ role: String, in inlines: [Inline], file: String, into mentions: inout [RoleMention])
    {
        for inline in inlines {
            switch inline.kind {
            case .code(let code):
                if code.role == role {
                    let location = DiagnosticLocation(file: file, range: inline.range)
                    mentions.append(RoleMention(target: code.target ?? code.text, location: location))
                }
            case .emphasis(let children), .strong(let children):
                collect(role, in: children, file: file, into: &mentions)
            case .link(let link):
                collect(role, in: link.children, file: file, into: &mentions)
            case .text, .crossReference, .span:
                break
            }
        }
    }
}
