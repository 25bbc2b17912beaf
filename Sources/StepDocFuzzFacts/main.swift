// The libFuzzer target for the `only`-expression parser and the deployment facts decoder, with every check suite (FactsFuzzing).
// `make fuzz` runs it; a normal build replays the files named on its command line (see FuzzMain).
import StepDocFuzzing

#if STEPDOC_FUZZ
    @_cdecl("LLVMFuzzerTestOneInput")
    func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
        FactsFuzzing.run(UnsafeBufferPointer(start: data, count: size))
        return 0
    }

    FuzzMain.start(fuzzOne)
#else
    FuzzMain.replay(CommandLine.arguments.dropFirst()) { FactsFuzzing.run($0) }
#endif
