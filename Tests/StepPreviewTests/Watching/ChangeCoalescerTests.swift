import StepDocTestSupport
import StepPreview
import StepProject
import Testing

/// Bursts of changes become one batch; separate bursts stay separate.
@Suite struct ChangeCoalescerTests {
    @Test func groupsABurstIntoOneBatch() async {
        let (changes, input) = AsyncStream.makeStream(of: FileChange.self)
        let batches = ChangeCoalescer.batches(of: changes, window: .milliseconds(30))
        for path in ["a", "b", "a", "c"] { input.yield(.path(path)) }
        var iterator = batches.makeAsyncIterator()
        let first = await iterator.next()
        #expect(first == ChangeBatch(paths: ["a", "b", "c"]), "\(String(describing: first))")

        input.yield(.rescan)
        input.finish()
        let second = await iterator.next()
        #expect(second == ChangeBatch(paths: [], rescan: true), "\(String(describing: second))")
        #expect(await iterator.next() == nil)
    }

    @Test func deliversWhatIsPendingWhenTheWatcherStops() async {
        let (changes, input) = AsyncStream.makeStream(of: FileChange.self)
        let batches = ChangeCoalescer.batches(of: changes, window: .milliseconds(30))
        input.yield(.path("a"))
        input.finish()
        var iterator = batches.makeAsyncIterator()
        let batch = await iterator.next()
        #expect(batch == ChangeBatch(paths: ["a"]), "\(String(describing: batch))")
    }
}
