import StepDocTestSupport
import StepPreview
import StepProject
import Testing

/// `--host`: which addresses are loopback, how URLs are written, and which Host headers are answered.
@Suite struct ListenAddressTests {
    @Test(arguments: [
        ("127.0.0.1", true), ("127.1.2.3", true), ("localhost", true), ("::1", true), ("[::1]", true),
        ("::ffff:127.0.0.1", true), ("0.0.0.0", false), ("192.168.1.20", false), ("::", false), ("fe80::1", false),
    ])
    func knowsWhichAddressesOnlyThisMachineReaches(host: String, loopback: Bool) throws {
        #expect(try ListenAddress(host).isLoopback == loopback, "\(host)")
    }

    @Test(arguments: ["example.com", "127.0.0.1:80", "1.2.3", "", "::g"])
    func rejectsWhatIsNotAnAddress(host: String) {
        #expect(throws: PreviewFailure.invalidHost(host)) { try ListenAddress(host) }
    }

    @Test func writesURLsWithBracketsAroundIPv6() throws {
        #expect(try ListenAddress("127.0.0.1").url(port: 8080) == "http://127.0.0.1:8080/")
        #expect(try ListenAddress("::1").url(port: 43121) == "http://[::1]:43121/")
    }

    @Test func answersOnlyLocalHostNamesOnALoopbackAddress() throws {
        let loopback = try ListenAddress("127.0.0.1")
        for accepted in [nil, "127.0.0.1:8080", "localhost:8080", "LOCALHOST", "[::1]:8080", "docs.localhost:1"] {
            #expect(loopback.accepts(hostHeader: accepted), "\(accepted ?? "nil")")
        }
        for refused in ["attacker.example", "attacker.example:8080", "192.168.1.2:8080", "[fe80::1]:80", "[::1"] {
            #expect(!loopback.accepts(hostHeader: refused), "\(refused)")
        }
        #expect(try ListenAddress("0.0.0.0").accepts(hostHeader: "laptop.lan:8080"))
    }
}
