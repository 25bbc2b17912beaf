// The libFuzzer target for parse → lower → rules → HTML, text and CommonMark (ContentFuzzing).
// `make fuzz` runs it; a normal build replays the files named on its command line (see FuzzMain).
import StepDocFuzzing

#if STEPDOC_FUZZ
    @_cdecl("LLVMFuzzerTestOneInput")
    func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
        ContentFuzzing.run(UnsafeBufferPointer(start: data, count: size))
        return 0
    }

    ContentFuzzing.prepareTemplates(ignoringLeaks: { FuzzMain.ignoringLeaks($0) })
    FuzzMain.start(fuzzOne)
#else
    FuzzMain.replay(CommandLine.arguments.dropFirst()) { ContentFuzzing.run($0) }
#endif
