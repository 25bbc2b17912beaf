import CCmarkGFM

/// A cmark-gfm node tree: the one place in stepdoc that holds cmark pointers.
///
/// Built by calls (`open`, `append`, `close`), rendered by cmark's HTML and CommonMark renderers, and
/// walked as events for the plain-text renderer. Every node is owned by the tree's root and freed with
/// it; every string cmark returns is freed next to where it is received.
package final class CommonMarkTree {
    private let root: OpaquePointer
    private var stack: [OpaquePointer]
    private var scratch: [UInt8] = []
    /// Nodes cmark refused as children (a builder bug); counted rather than leaked or crashed on.
    package private(set) var rejectedNodes = 0

    package init() {
        _ = CommonMarkTree.extensionsRegistered
        root = Self.node(CMARK_NODE_DOCUMENT)
        stack = [root]
    }

    deinit {
        cmark_node_free(root)
    }

    /// Starts a container; following calls add to it until `close()`.
    package func open(_ container: CommonMarkContainer) {
        let node = makeNode(container)
        if attach(node) { stack.append(node) } else { stack.append(node) }
    }

    /// Ends the innermost open container.
    package func close() {
        guard stack.count > 1 else { return }
        let node = stack.removeLast()
        // A container that could not be attached is owned by nobody; free it here.
        if cmark_node_parent(node) == nil { cmark_node_free(node) }
    }

    package func append(_ leaf: CommonMarkLeaf) {
        let node: OpaquePointer
        switch leaf {
        case .text(let text):
            node = newNode(CMARK_NODE_TEXT)
            text.withCString { _ = cmark_node_set_literal(node, $0) }
        case .softBreak:
            node = newNode(CMARK_NODE_SOFTBREAK)
        case .lineBreak:
            node = newNode(CMARK_NODE_LINEBREAK)
        case .code(let text):
            node = newNode(CMARK_NODE_CODE)
            text.withCString { _ = cmark_node_set_literal(node, $0) }
        case .codeBlock(let info, let literal):
            node = newNode(CMARK_NODE_CODE_BLOCK)
            info.withCString { _ = cmark_node_set_fence_info(node, $0) }
            literal.withCString { _ = cmark_node_set_literal(node, $0) }
        case .htmlBlock(let html):
            node = newNode(CMARK_NODE_HTML_BLOCK)
            html.withCString { _ = cmark_node_set_literal(node, $0) }
        case .htmlInline(let html):
            node = newNode(CMARK_NODE_HTML_INLINE)
            html.withCString { _ = cmark_node_set_literal(node, $0) }
        case .thematicBreak:
            node = newNode(CMARK_NODE_THEMATIC_BREAK)
        }
        if !attach(node) { cmark_node_free(node) }
    }

    /// Text whose line ends become soft breaks, written without intermediate strings.
    package func appendText(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            var index = 0
            while index <= bytes.count {
                if index == bytes.count || bytes[index] == 0x0A {
                    if index > start {
                        appendLiteral(CMARK_NODE_TEXT, UnsafeBufferPointer(rebasing: bytes[start..<index]))
                    }
                    if index < bytes.count {
                        let node = newNode(CMARK_NODE_SOFTBREAK)
                        if !attach(node) { cmark_node_free(node) }
                    }
                    start = index + 1
                }
                index += 1
            }
        }
    }

    /// A text or code node from bytes, through a reused NUL-terminated scratch buffer.
    private func appendLiteral(_ type: cmark_node_type, _ bytes: UnsafeBufferPointer<UInt8>) {
        let node = newNode(type)
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: bytes)
        scratch.append(0)
        scratch.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { _ = cmark_node_set_literal(node, $0.baseAddress) }
        }
        if !attach(node) { cmark_node_free(node) }
    }

    /// HTML from cmark's renderer. HTML nodes are written as they stand (`CMARK_OPT_UNSAFE`): they hold
    /// the builder's own markup, and raw HTML only when the project trusts it (``RawHTMLPolicy/pass``),
    /// which is then passed whole, as Sphinx does; GitHub's tag filter would mangle it without making
    /// anything else safe.
    package func renderHTML() -> String {
        guard let rendered = cmark_render_html(root, CommonMarkTree.htmlOptions, nil) else { return "" }
        defer { CommonMarkTree.freeString(rendered) }
        return String(cString: rendered)
    }

    /// CommonMark from cmark's renderer; `width` 0 keeps lines as they are.
    package func renderCommonMark(width: Int = 0) -> String {
        guard let rendered = cmark_render_commonmark(root, CMARK_OPT_DEFAULT, Int32(width)) else { return "" }
        defer { CommonMarkTree.freeString(rendered) }
        return String(cString: rendered)
    }

    /// Visits every node in document order: containers enter and exit, leaves only enter.
    package func walk(_ visit: (CommonMarkEvent) -> Void) {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE || event == CMARK_EVENT_NONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let kind = describe(node)
            visit(event == CMARK_EVENT_EXIT ? .exit(kind) : .enter(kind))
        }
    }

    // MARK: - Private

    private static let extensionsRegistered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    private static let htmlOptions: Int32 = CMARK_OPT_UNSAFE

    private static func freeString(_ pointer: UnsafeMutablePointer<CChar>) {
        let allocator = cmark_get_default_mem_allocator()
        allocator?.pointee.free(pointer)
    }

    private func newNode(_ type: cmark_node_type) -> OpaquePointer {
        Self.node(type)
    }

    private static func node(_ type: cmark_node_type) -> OpaquePointer {
        // cmark's allocator aborts when memory runs out, so cmark_node_new does not return nil.
        guard let node = cmark_node_new(type) else { preconditionFailure("cmark_node_new returned nil") }
        return node
    }

    private func makeNode(_ container: CommonMarkContainer) -> OpaquePointer {
        switch container {
        case .blockQuote:
            return newNode(CMARK_NODE_BLOCK_QUOTE)
        case .list(let ordered, let start, let tight, let numbering):
            let node = newNode(CMARK_NODE_LIST)
            _ = cmark_node_set_list_type(node, ordered ? CMARK_ORDERED_LIST : CMARK_BULLET_LIST)
            // The numbering style rides in the node's user data as a small number, not a pointer to
            // anything: cmark never dereferences it, and there is nothing to free.
            _ = cmark_node_set_user_data(node, UnsafeMutableRawPointer(bitPattern: numbering.rawValue))
            if ordered { _ = cmark_node_set_list_delim(node, CMARK_PERIOD_DELIM) }
            // New lists start at 0 and loose unless told otherwise.
            _ = cmark_node_set_list_start(node, Int32(clamping: start))
            _ = cmark_node_set_list_tight(node, tight ? 1 : 0)
            return node
        case .item:
            return newNode(CMARK_NODE_ITEM)
        case .paragraph:
            return newNode(CMARK_NODE_PARAGRAPH)
        case .heading(let level):
            let node = newNode(CMARK_NODE_HEADING)
            _ = cmark_node_set_heading_level(node, Int32(min(max(level, 1), 6)))
            return node
        case .emphasis:
            return newNode(CMARK_NODE_EMPH)
        case .strong:
            return newNode(CMARK_NODE_STRONG)
        case .link(let url, let title):
            let node = newNode(CMARK_NODE_LINK)
            url.withCString { _ = cmark_node_set_url(node, $0) }
            title.withCString { _ = cmark_node_set_title(node, $0) }
            return node
        case .image(let url, let title):
            let node = newNode(CMARK_NODE_IMAGE)
            url.withCString { _ = cmark_node_set_url(node, $0) }
            title.withCString { _ = cmark_node_set_title(node, $0) }
            return node
        case .customBlock(let onEnter, let onExit):
            let node = newNode(CMARK_NODE_CUSTOM_BLOCK)
            onEnter.withCString { _ = cmark_node_set_on_enter(node, $0) }
            onExit.withCString { _ = cmark_node_set_on_exit(node, $0) }
            return node
        case .customInline(let onEnter, let onExit):
            let node = newNode(CMARK_NODE_CUSTOM_INLINE)
            onEnter.withCString { _ = cmark_node_set_on_enter(node, $0) }
            onExit.withCString { _ = cmark_node_set_on_exit(node, $0) }
            return node
        }
    }

    /// Appends `node` to the innermost open container; false (and counted) when cmark refuses it.
    private func attach(_ node: OpaquePointer) -> Bool {
        guard let parent = stack.last, cmark_node_append_child(parent, node) != 0 else {
            rejectedNodes += 1
            return false
        }
        return true
    }

    private func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    private func describe(_ node: OpaquePointer) -> CommonMarkNode {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_DOCUMENT: return .document
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_LIST:
            let numbering = ListNumbering(rawValue: Int(bitPattern: cmark_node_get_user_data(node))) ?? .arabic
            return .list(
                ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                start: Int(cmark_node_get_list_start(node)), tight: cmark_node_get_list_tight(node) != 0,
                numbering: numbering)
        case CMARK_NODE_ITEM: return .item
        case CMARK_NODE_CODE_BLOCK:
            return .codeBlock(
                info: string(cmark_node_get_fence_info(node)), literal: string(cmark_node_get_literal(node)))
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock(string(cmark_node_get_literal(node)))
        case CMARK_NODE_CUSTOM_BLOCK:
            return .customBlock(
                onEnter: string(cmark_node_get_on_enter(node)), onExit: string(cmark_node_get_on_exit(node)))
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_HEADING: return .heading(level: Int(cmark_node_get_heading_level(node)))
        case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
        case CMARK_NODE_TEXT: return .text(string(cmark_node_get_literal(node)))
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_CODE: return .code(string(cmark_node_get_literal(node)))
        case CMARK_NODE_HTML_INLINE: return .htmlInline(string(cmark_node_get_literal(node)))
        case CMARK_NODE_CUSTOM_INLINE:
            return .customInline(
                onEnter: string(cmark_node_get_on_enter(node)), onExit: string(cmark_node_get_on_exit(node)))
        case CMARK_NODE_EMPH: return .emphasis
        case CMARK_NODE_STRONG: return .strong
        case CMARK_NODE_LINK: return .link(url: string(cmark_node_get_url(node)))
        case CMARK_NODE_IMAGE: return .image(url: string(cmark_node_get_url(node)))
        default: return .other
        }
    }
}

/// Containers the builder opens.
package enum CommonMarkContainer {
    case blockQuote
    case list(ordered: Bool, start: Int, tight: Bool, numbering: ListNumbering = .arabic)
    case item
    case paragraph
    case heading(level: Int)
    case emphasis
    case strong
    case link(url: String, title: String)
    case image(url: String, title: String)
    /// A block whose HTML opening and closing are given literally (cmark does not escape them).
    case customBlock(onEnter: String, onExit: String)
    case customInline(onEnter: String, onExit: String)
}

/// Leaves the builder appends.
package enum CommonMarkLeaf {
    case text(String)
    case softBreak
    case lineBreak
    case code(String)
    case codeBlock(info: String, literal: String)
    case htmlBlock(String)
    case htmlInline(String)
    case thematicBreak
}

/// A node as the walker reports it.
package enum CommonMarkNode: Equatable {
    case document, blockQuote, item, paragraph, thematicBreak, softBreak, lineBreak, emphasis, strong, other
    case list(ordered: Bool, start: Int, tight: Bool, numbering: ListNumbering)
    case codeBlock(info: String, literal: String)
    case htmlBlock(String)
    case customBlock(onEnter: String, onExit: String)
    case heading(level: Int)
    case text(String)
    case code(String)
    case htmlInline(String)
    case customInline(onEnter: String, onExit: String)
    case link(url: String)
    case image(url: String)
}

package enum CommonMarkEvent: Equatable {
    case enter(CommonMarkNode)
    case exit(CommonMarkNode)
}
