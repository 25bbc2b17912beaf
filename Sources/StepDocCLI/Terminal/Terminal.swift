import Foundation
import StepProject
import Synchronization

/// The standard streams of a run, the folder it runs in and its environment.
///
/// Commands write through it, never to `FileHandle` or `print`: the process's terminal for the
/// command line, buffers for a test that runs a command in-process. Every write is checked; the first
/// one that fails (`> /dev/full`, a closed descriptor) is kept, and the run ends with exit code 2.
public final class Terminal: Sendable {
    public let directory: WorkingDirectory
    public let environment: [String: String]
    private let output: Stream
    private let error: Stream
    private let input: Input
    private let failure = Mutex<StepDocFailure?>(nil)

    /// Where a stream's bytes go.
    private enum Stream: Sendable {
        case descriptor(Int32, name: String)
        case buffer(Buffer)
    }

    /// What an in-process run wrote to one stream.
    private final class Buffer: Sendable {
        let bytes = Mutex<[UInt8]>([])
    }

    private enum Input: Sendable {
        case descriptor(Int32)
        case bytes([UInt8]?)
    }

    /// The process's own standard streams, in its current folder.
    ///
    /// A standard stream the process was started without (`>&-`) is taken by /dev/null opened the
    /// other way round, so writes to it fail (EBADF) and reads from it say it is closed, and so the
    /// first file stepdoc opens does not get its number: the terminal's text would go into that file.
    public static func process() -> Terminal {
        var closed: [String] = []
        for (descriptor, name) in [(Int32(0), "<stdin>"), (1, "<stdout>"), (2, "<stderr>")]
        where fcntl(descriptor, F_GETFD) == -1 && errno == EBADF {
            // open returns the lowest free number: this one, as the lower ones are open by now.
            let opened = open("/dev/null", descriptor == 0 ? O_WRONLY : O_RDONLY)
            if opened >= 0, opened != descriptor {
                _ = dup2(opened, descriptor)
                close(opened)
            }
            if descriptor != 0 { closed.append(name) }
        }
        let terminal = Terminal(
            directory: .current, environment: ProcessInfo.processInfo.environment,
            output: .descriptor(1, name: "<stdout>"), error: .descriptor(2, name: "<stderr>"),
            input: .descriptor(0))
        if let name = closed.first {
            let stream = name == "<stdout>" ? "standard output" : "standard error"
            terminal.failure.withLock { $0 = .outputNotWritable(path: name, reason: "\(stream) is closed") }
        }
        return terminal
    }

    /// Buffers for a run in-process: `standardInput` is what the run reads from `-` (`nil`: closed).
    public static func capturing(
        directory: WorkingDirectory, environment: [String: String] = [:], standardInput: [UInt8]? = nil
    ) -> Terminal {
        Terminal(
            directory: directory, environment: environment, output: .buffer(Buffer()), error: .buffer(Buffer()),
            input: .bytes(standardInput))
    }

    private init(
        directory: WorkingDirectory, environment: [String: String], output: Stream, error: Stream, input: Input
    ) {
        self.directory = directory
        self.environment = environment
        self.output = output
        self.error = error
        self.input = input
    }

    /// The descriptors of standard input and output when they are the process's own (the editor
    /// server speaks on them directly); `nil` for a capturing terminal.
    var standardDescriptors: (input: Int32, output: Int32)? {
        guard case .descriptor(let input) = input, case .descriptor(let output, _) = output else { return nil }
        return (input, output)
    }

    // MARK: - Writing

    /// Writes to standard output.
    public func write(_ text: String) {
        write(text, to: output)
    }

    /// Writes to standard error.
    public func writeError(_ text: String) {
        write(text, to: error)
    }

    /// The first write to a standard stream that failed, if any.
    public var writeFailure: StepDocFailure? {
        failure.withLock { $0 }
    }

    /// What a capturing terminal's standard output and error received.
    public var capturedOutput: String { captured(output) }
    public var capturedError: String { captured(error) }

    private func captured(_ stream: Stream) -> String {
        guard case .buffer(let buffer) = stream else { return "" }
        return buffer.bytes.withLock { String(decoding: $0, as: UTF8.self) }
    }

    private func write(_ text: String, to stream: Stream) {
        guard !text.isEmpty else { return }
        switch stream {
        case .buffer(let buffer):
            buffer.bytes.withLock { $0.append(contentsOf: text.utf8) }
        case .descriptor(let descriptor, let name):
            var text = text
            let problem: Int32? = text.withUTF8 { buffer in
                var offset = 0
                while offset < buffer.count, let base = buffer.baseAddress {
                    let written = Foundation.write(descriptor, base + offset, buffer.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        return errno
                    }
                    offset += written
                }
                return nil
            }
            if let problem {
                let reason = String(cString: strerror(problem))
                failure.withLock { $0 = $0 ?? .outputNotWritable(path: name, reason: reason) }
            }
        }
    }

    // MARK: - What the streams are

    /// Whether standard output (or error) is a terminal that takes colour.
    public var colorsOutput: Bool { colors(output) }
    public var colorsError: Bool { colors(error) }

    /// Whether standard error is a terminal a progress line may be drawn on.
    public var showsProgress: Bool {
        guard case .descriptor(let descriptor, _) = error else { return false }
        return isatty(descriptor) == 1 && environment["CI"] == nil
    }

    private func colors(_ stream: Stream) -> Bool {
        guard case .descriptor(let descriptor, _) = stream else { return false }
        if environment["NO_COLOR"] != nil || environment["TERM"] == "dumb" { return false }
        return isatty(descriptor) == 1
    }

    // MARK: - Reading

    /// Standard input to its end, at most `limit` bytes: a closed or unreadable input, or more than
    /// the limit, is a failure rather than a crash or unbounded memory.
    public func readInput(limit: Int) throws(StepDocFailure) -> [UInt8] {
        switch input {
        case .bytes(let bytes):
            guard let bytes else { throw .unreadable(path: "<stdin>", reason: "standard input is closed") }
            if bytes.count > limit { throw .tooLarge(path: "<stdin>", size: bytes.count, limit: limit) }
            return bytes
        case .descriptor(let descriptor):
            var bytes: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 65536)
            while true {
                let count = chunk.withUnsafeMutableBytes { buffer -> Int in
                    guard let base = buffer.baseAddress else { return 0 }
                    return Foundation.read(descriptor, base, buffer.count)
                }
                if count < 0 {
                    if errno == EINTR { continue }
                    let reason = errno == EBADF ? "standard input is closed" : String(cString: strerror(errno))
                    throw .unreadable(path: "<stdin>", reason: reason)
                }
                if count == 0 { return bytes }
                bytes.append(contentsOf: chunk[0..<count])
                if bytes.count > limit { throw .tooLarge(path: "<stdin>", size: bytes.count, limit: limit) }
            }
        }
    }
}
