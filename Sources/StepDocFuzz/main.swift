// The libFuzzer target for parse → lower → rules → HTML, text and CommonMark (ContentFuzzing).
//
// `make fuzz` builds it with `-sanitize=fuzzer,address -DSTEPDOC_FUZZ` in .build-fuzz and runs it on a
// seed corpus. SwiftPM renames an executable's entry point, so the callback is defined here and
// libFuzzer is started by hand (LLVMFuzzerRunDriver). Without STEPDOC_FUZZ (a normal `swift build`,
// where libFuzzer is not linked) the executable replays the files named on its command line instead.
import StepDocFuzzing

#if STEPDOC_FUZZ
    import Glibc

    @_cdecl("LLVMFuzzerTestOneInput")
    func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
        ContentFuzzing.run(UnsafeBufferPointer(start: data, count: size))
        return 0
    }

    @_silgen_name("LLVMFuzzerRunDriver")
    func LLVMFuzzerRunDriver(
        _ argc: UnsafeMutablePointer<CInt>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
    ) -> CInt

    var argc = CommandLine.argc
    var argv = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOne))
#else
    import Foundation

    var status: Int32 = 0
    for path in CommandLine.arguments.dropFirst() {
        guard let data = FileManager.default.contents(atPath: path) else {
            FileHandle.standardError.write(Data("\(path): cannot read\n".utf8))
            status = 2
            continue
        }
        ContentFuzzing.run([UInt8](data))
        print("\(path): ok")
    }
    exit(status)
#endif
