import Foundation

/// What the two fuzz executables share: starting libFuzzer, or replaying files without it.
///
/// `make fuzz` builds with `-sanitize=fuzzer,address -DSTEPDOC_FUZZ`. SwiftPM renames an executable's
/// entry point, so each executable defines the `LLVMFuzzerTestOneInput` callback itself and starts
/// libFuzzer by hand (``start(_:)``). Without STEPDOC_FUZZ (a normal `swift build`, where libFuzzer is
/// not linked) the executables replay the files named on their command line (``replay(_:with:)``).
public enum FuzzMain {
    #if STEPDOC_FUZZ
        /// Runs libFuzzer with the process's arguments and `callback`, and exits with its status.
        public static func start(_ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
            var argc = CommandLine.argc
            var argv = CommandLine.unsafeArgv
            exit(LLVMFuzzerRunDriver(&argc, &argv, callback))
        }
    #endif

    #if STEPDOC_FUZZ
        /// `make` run with LeakSanitizer ignoring what it allocates: for state made once, before
        /// libFuzzer starts, that lives as long as the process (its pointers may carry Swift's tag bits,
        /// which LeakSanitizer does not follow). Looked up at run time: a build without the address
        /// sanitizer (`FUZZ_SANITIZE=fuzzer`) has no LeakSanitizer, and then nothing needs hiding.
        public static func ignoringLeaks<T>(_ make: () -> T) -> T {
            typealias Switch = @convention(c) () -> Void
            let handle = dlopen(nil, RTLD_NOW)
            let disable = dlsym(handle, "__lsan_disable").map { unsafeBitCast($0, to: Switch.self) }
            let enable = dlsym(handle, "__lsan_enable").map { unsafeBitCast($0, to: Switch.self) }
            disable?()
            defer { enable?() }
            return make()
        }
    #endif

    /// Feeds each file to `run`, printing `PATH: ok`; exits 2 when a file cannot be read.
    public static func replay(_ paths: some Sequence<String>, with run: ([UInt8]) -> Void) -> Never {
        var status: Int32 = 0
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("\(path): cannot read\n".utf8))
                status = 2
                continue
            }
            run([UInt8](data))
            print("\(path): ok")
        }
        exit(status)
    }
}

#if STEPDOC_FUZZ
    @_silgen_name("LLVMFuzzerRunDriver")
    func LLVMFuzzerRunDriver(
        _ argc: UnsafeMutablePointer<CInt>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
    ) -> CInt
#endif
