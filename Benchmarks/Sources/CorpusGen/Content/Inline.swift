/// One unbreakable piece of generated prose. Indices point into a `Vocabulary`.
package enum Inline: Equatable, Sendable {
    /// A plain word, capitalized when it starts a sentence or a title.
    case word(Int, capitalized: Bool)
    /// An inline literal: ``` ``x`` ``` in reST, `` `x` `` in CommonMark.
    case literal(Int)
    /// `*word*`.
    case emphasis(Int)
    /// `**word**`.
    case strong(Int)
    /// An external link; in reST the `<url>` part may start on the next line, as giza writes long links.
    case link(Int, urlOnNextLine: Bool)
    /// A MongoDB role such as `:manual:` or `:authrole:`.
    case role(Int)
}

/// An inline piece with the punctuation that sticks to its end.
package struct Token: Equatable, Sendable {
    package var inline: Inline
    /// `0` for none, otherwise an ASCII punctuation byte such as `.` or `,`.
    package var punctuation: UInt8

    package init(_ inline: Inline, punctuation: UInt8 = 0) {
        self.inline = inline
        self.punctuation = punctuation
    }
}
