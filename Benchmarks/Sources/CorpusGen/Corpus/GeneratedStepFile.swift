/// One generated input: the giza reST file and, when asked for, the same steps as CommonMark.
package struct GeneratedStepFile: Sendable, Equatable {
    package var rst: [UInt8]
    /// Empty unless Markdown was requested.
    package var markdown: [UInt8]
    package var stepCount: Int

    /// Steps numbered from 1, drawn from stream `stream` of `seed`, until the reST is as near `size.bytes` as
    /// whole steps allow.
    ///
    /// A step that would overshoot the acceptable range is drawn again (a bounded number of times), so the
    /// result lands inside `size.acceptable` whenever the tolerance is larger than a small step.
    package init(seed: UInt64, stream: UInt64, size: SizeTarget, markdown includeMarkdown: Bool) {
        let maximumRedraws = 64
        var generator = StepContentGenerator(random: SplitMix64(seed: seed, stream: stream))
        var giza = GizaStepWriter(vocabulary: generator.vocabulary)
        let markdownWriter = MarkdownStepWriter(vocabulary: generator.vocabulary)
        var rst: [UInt8] = []
        rst.reserveCapacity(size.acceptable.upperBound + 16 * 1024)
        var markdown: [UInt8] = []
        if includeMarkdown { markdown.reserveCapacity(size.bytes / 2) }
        var candidate: [UInt8] = []
        var number = 0
        var redraws = 0
        while rst.count < size.bytes {
            let step = generator.nextStep()
            candidate.removeAll(keepingCapacity: true)
            giza.write(step, number: number + 1, into: &candidate)
            let sizeWithStep = rst.count + candidate.count
            if sizeWithStep > size.acceptable.upperBound, redraws < maximumRedraws {
                redraws += 1
                continue
            }
            // Stop short of the target when that is nearer to it than overshooting.
            if rst.count >= size.acceptable.lowerBound, sizeWithStep - size.bytes > size.bytes - rst.count {
                break
            }
            number += 1
            rst.append(contentsOf: candidate)
            if includeMarkdown { markdownWriter.write(step, number: number, into: &markdown) }
        }
        self.rst = rst
        self.markdown = markdown
        self.stepCount = number
    }
}
