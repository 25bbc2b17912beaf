/// One generated step, independent of how it is written out: the giza reST writer emits it twice (one copy per
/// `only` branch), the CommonMark writer once.
package struct StepContent: Equatable, Sendable {
    package var title: [Token]
    package var blocks: [Block]

    package init(title: [Token], blocks: [Block]) {
        self.title = title
        self.blocks = blocks
    }
}

/// A block of a step body, in the order giza lays a body out (pre, code, post, notes).
package enum Block: Equatable, Sendable {
    case paragraph([Token])
    /// `-` items; long items wrap onto continuation lines.
    case bulletList([[Token]])
    /// A `.. code-block::` (or fenced block) holding `Vocabulary.codeSamples[sample]`.
    case code(sample: Int, copyable: Bool)
    /// A `.. note::` (or `> **Note:**` blockquote) holding one paragraph.
    case note([Token])
}
