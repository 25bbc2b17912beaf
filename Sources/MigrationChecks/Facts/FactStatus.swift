/// What the facts document says about one fact.
public enum FactStatus: Sendable, Equatable {
    /// The command's reply, which answered `ok: 1` (or has no `ok` field).
    case present(JSONObject)
    /// The document has no such key and no collection error for it.
    case missing
    /// The command failed: its reply says `ok: 0`, or the collector recorded an error for it.
    case failed(message: String)
    /// The key holds something that is not a command reply.
    case malformed(reason: String)
}
