/// What happens to HTML a source writes itself: `.. raw:: html` blocks and links whose URL could run
/// script (`javascript:` …). giza's sequence-block divs are read as structure and never concern it.
///
/// One policy for both, secure by default as the HTML output is what readers open (and the preview
/// serves): such HTML is left out, with a finding at its line saying how to opt in, and a repository
/// whose authors are trusted passes it through (`raw-html: pass` in stepdoc.yml), as Sphinx does.
public enum RawHTMLPolicy: String, Sendable, CaseIterable {
    /// Left out of HTML and CommonMark output, with an `rst.raw-html` or `rst.unsafe-url` warning.
    case omit
    /// Written as it stands.
    case pass
}

extension RawHTMLPolicy {
    /// The sentence findings end with: how to opt in.
    static let optIn = "Set 'raw-html: pass' in stepdoc.yml to emit it, for a repository whose authors are trusted."
}
