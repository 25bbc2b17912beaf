/// How many bytes a generated reST file should have, and how far off it may be.
package struct SizeTarget: Sendable, Equatable {
    package var bytes: Int
    package var tolerance: Int

    package init(bytes: Int, tolerance: Int) {
        self.bytes = bytes
        self.tolerance = tolerance
    }

    package var acceptable: ClosedRange<Int> {
        (bytes - tolerance)...(bytes + tolerance)
    }
}
