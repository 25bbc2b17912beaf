/// The benchmark inputs: what files there are, how large, and which random stream each is drawn from.
///
/// Every input has its own stream of the seed, so any one file can be regenerated (or checked) alone and the
/// bytes of one input never depend on another.
package struct CorpusLayout: Sendable {
    /// One input file, named without extension relative to the corpus folder (`one-mib`, `files/step-0001`).
    package struct Input: Sendable, Equatable {
        package var name: String
        package var size: SizeTarget
        package var stream: UInt64

        package var rstPath: String { name + ".rst" }
        package var markdownPath: String { "markdown/" + name + ".md" }
    }

    package static let mebibyte = 1 << 20
    /// The many-small-files input's per-file size.
    package static let smallFileBytes = 5 * 1024

    package var inputs: [Input]

    /// `one-mib.rst` (1 MiB ± 0.5%), `ten-mib.rst` (10 MiB ± 0.5%) and `files/step-0001.rst` … (5 KiB ± 10%).
    package init(fileCount: Int = 2000) {
        inputs = [
            Input(
                name: "one-mib", size: SizeTarget(bytes: Self.mebibyte, tolerance: Self.mebibyte / 200), stream: 1
            ),
            Input(
                name: "ten-mib", size: SizeTarget(bytes: 10 * Self.mebibyte, tolerance: Self.mebibyte / 20),
                stream: 2
            ),
        ]
        inputs += (1..<(fileCount + 1)).map { index in
            Input(
                name: "files/" + Self.fileName(index),
                size: SizeTarget(bytes: Self.smallFileBytes, tolerance: Self.smallFileBytes / 10),
                stream: 1000 + UInt64(index)
            )
        }
    }

    /// `step-0001` … `step-2000`.
    package static func fileName(_ index: Int) -> String {
        let digits = String(index)
        return "step-" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    package func generate(_ input: Input, seed: UInt64, markdown: Bool) -> GeneratedStepFile {
        GeneratedStepFile(seed: seed, stream: input.stream, size: input.size, markdown: markdown)
    }
}
