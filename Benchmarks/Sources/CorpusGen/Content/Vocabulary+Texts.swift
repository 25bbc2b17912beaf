// The texts of `Vocabulary.standard`. Prose words are lowercase ASCII letters only (no digits, colons or
// markup characters) so a wrapped line can never start like a list item, field or directive in either format.

extension Vocabulary {
    static let subjectTexts = [
        "the migration process", "your source cluster", "each replica set member", "the live migration service",
        "the database user", "this procedure", "the target cluster", "the initial sync", "the oplog tailer",
        "the primary", "every secondary", "your application", "the connection string", "the backup agent",
        "your deployment", "the load balancer", "the config server", "the monitoring agent", "the destination project",
        "the automation agent", "a hidden member", "the arbiter", "the cluster administrator", "the driver",
        "the shell session", "the balancer", "the storage engine", "the audit log", "the project owner",
    ]

    static let verbTexts = [
        "requires", "copies", "verifies", "reads", "writes", "replicates", "validates", "reports", "stores",
        "updates", "monitors", "restarts", "connects to", "syncs", "rejects", "accepts", "lists", "returns",
        "tails", "compresses", "encrypts", "throttles", "resumes", "pauses", "logs", "checks", "holds",
    ]

    static let infinitiveTexts = [
        "enable", "verify", "configure", "restart", "check", "copy", "update", "create", "remove", "inspect",
        "rotate", "pause", "resume", "migrate", "review", "grant", "revoke", "record", "test", "confirm",
        "start", "stop", "open", "close", "resize", "upgrade",
    ]

    static let objectTexts = [
        "the oplog window", "all user collections", "the admin database", "a new replica set", "the required roles",
        "your application traffic", "the certificates", "the authentication mechanism", "every index",
        "the cluster tier", "the write concern", "the read preference", "a maintenance window",
        "the last applied operation", "the storage engine", "the network access list", "the keyfile",
        "the replica set configuration", "the server version", "the migration user", "the sharded collections",
        "the default port", "the bind address", "the data directory", "the log rotation schedule",
        "the connection pool", "the cutover", "the source hostname", "the backup snapshot", "the free disk space",
        "the feature compatibility version", "the election timeout", "the chunk distribution",
    ]

    static let tailTexts = [
        "before the cutover", "on every member", "during the initial sync", "for each namespace",
        "in the admin database", "after the restart", "within the oplog window", "from the shell",
        "on the source deployment", "at the application level", "without downtime", "while writes continue",
        "in production", "for a few minutes", "before you continue", "once the sync completes",
        "on each host", "during a maintenance window", "for every database", "as the last step",
        "in the project settings", "through the load balancer", "behind the firewall",
    ]

    static let modalTexts = ["must", "should", "can", "may", "cannot"]

    static let literalTexts = [
        "mongod", "--replSet", "rs.status()", "admin", "<hostname>", "27017", "db.adminCommand()",
        "local.oplog.rs", "--port 27018", "security.authorization", "mongodb+srv://", "net.bindIp", "keyFile",
        "PRIMARY", "SECONDARY", "writeConcern", "{ w: \"majority\" }", "--authenticationDatabase admin",
        "/etc/mongod.conf", "/var/lib/mongodb", "replSetName", "featureCompatibilityVersion", "mongos",
        "<mongodb-username>", "--sslCAFile", "systemLog.path", "majority", "db.getUser(\"admin\")",
    ]

    /// `(text, url)`; every text is unique after docutils' name normalization.
    static let linkTargets = [
        ("contact us", "https://www.mongodb.com/contact"),
        ("MongoDB drivers", "https://docs.mongodb.com/ecosystem/drivers"),
        ("Upgrade MongoDB to 2.6", "https://docs.mongodb.com/v2.6/release-notes/2.6-upgrade/index.html"),
        ("Atlas documentation", "https://docs.atlas.mongodb.com/"),
        ("MongoDB Download Center", "https://www.mongodb.com/download-center"),
        ("MongoDB Compass", "https://www.mongodb.com/products/compass"),
        ("Atlas Live Migration", "https://www.mongodb.com/cloud/atlas/migrate"),
        ("MongoDB University", "https://university.mongodb.com/"),
        ("release notes", "https://docs.mongodb.com/manual/release-notes/"),
        ("security checklist", "https://docs.mongodb.com/manual/administration/security-checklist/"),
        ("connection string URI format", "https://docs.mongodb.com/manual/reference/connection-string/"),
        ("MongoDB JIRA", "https://jira.mongodb.org/"),
        ("mongo-tools repository", "https://github.com/mongodb/mongo-tools"),
        ("VPC peering guide", "https://docs.aws.amazon.com/vpc/latest/peering/what-is-vpc-peering.html"),
        ("Atlas API reference", "https://docs.atlas.mongodb.com/reference/api-resources/"),
        ("support portal", "https://support.mongodb.com/"),
    ]

    /// A use of a MongoDB role and what the HTML rendering shows for it (DESIGN.md, MongoDB roles).
    struct RoleUse {
        enum Rendering {
            /// Link roles render as their link text.
            case link(text: String, url: String)
            /// Object roles render as code literals.
            case code(String)
            /// `guilabel` and friends render as plain text.
            case text(String)
        }

        var source: String
        var rendering: Rendering

        var piece: Vocabulary.Piece {
            let markdown: String
            switch rendering {
            case .link(let text, let url): markdown = "[\(text)](\(url))"
            case .code(let text): markdown = "`\(text)`"
            case .text(let text): markdown = text
            }
            return Vocabulary.Piece(rst: Array(source.utf8), markdown: Array(markdown.utf8))
        }

        static func manual(_ title: String?, _ path: String) -> RoleUse {
            let url = "https://www.mongodb.com/docs/manual\(path)"
            guard let title else { return RoleUse(source: ":manual:`\(path)`", rendering: .link(text: path, url: url)) }
            return RoleUse(source: ":manual:`\(title) <\(path)>`", rendering: .link(text: title, url: url))
        }

        static func issue(_ key: String) -> RoleUse {
            RoleUse(
                source: ":issue:`\(key)`", rendering: .link(text: key, url: "https://jira.mongodb.org/browse/\(key)"))
        }

        /// An object role rendered as code; a leading `~` shows only the last dotted component.
        static func object(_ role: String, _ target: String) -> RoleUse {
            var shown = target
            if target.hasPrefix("~") {
                shown = String(target.dropFirst().split(separator: ".").last ?? "")
            }
            return RoleUse(source: ":\(role):`\(target)`", rendering: .code(shown))
        }

        static func guilabel(_ label: String) -> RoleUse {
            RoleUse(source: ":guilabel:`\(label)`", rendering: .text(label))
        }
    }

    static let roleUses: [RoleUse] = [
        .manual("convert it to a replica set", "/tutorial/convert-standalone-to-replica-set"),
        .manual("Enable Auth", "/tutorial/enable-authentication"),
        .manual("mongo", "/reference/program/mongo/"),
        .manual("db.getUser()", "/reference/method/db.getUser"),
        .manual("replica set deployment architectures", "/core/replica-set-architectures"),
        .manual(nil, "/reference/configuration-options"),
        .manual(nil, "/core/replica-set-oplog"),
        .manual(nil, "/tutorial/upgrade-revision"),
        .object("authrole", "clusterMonitor"),
        .object("authrole", "backup"),
        .object("authrole", "readAnyDatabase"),
        .object("authrole", "clusterAdmin"),
        .object("binary", "~bin.mongod"),
        .object("binary", "~bin.mongos"),
        .object("binary", "~bin.mongodump"),
        .object("dbcommand", "replSetGetStatus"),
        .object("dbcommand", "buildInfo"),
        .object("dbcommand", "getCmdLineOpts"),
        .object("dbcommand", "usersInfo"),
        .object("method", "db.getUser()"),
        .object("method", "rs.initiate()"),
        .object("method", "rs.printReplicationInfo()"),
        .object("setting", "security.authorization"),
        .object("setting", "replication.oplogSizeMB"),
        .object("setting", "net.bindIp"),
        .object("program", "mongodump"),
        .object("program", "mongorestore"),
        .object("program", "mongomirror"),
        .guilabel("Add New Database"),
        .guilabel("Migrate Data to this Cluster"),
        .guilabel("Start Cutover"),
        .guilabel("Security"),
        .issue("SERVER-30422"),
        .issue("SERVER-9092"),
        .issue("DOCS-11423"),
    ]

    /// `(language, lines)`. Blank lines inside a sample are written as giza does (three spaces in reST).
    static let codeSampleTexts: [(String, [String])] = [
        ("sh", ["mongo <mongodb-connection-string> -u <mongodb-username> -p --authenticationDatabase admin"]),
        ("sh", ["mongod --port 27017 --dbpath /srv/mongodb/db0 --replSet rs0 --bind_ip localhost"]),
        ("sh", ["mongodump --host rs0/db0.example.net:27017 --out /backup/dump", "mongorestore --drop /backup/dump"]),
        ("sh", ["openssl rand -base64 756 > /srv/mongodb/keyfile", "chmod 400 /srv/mongodb/keyfile"]),
        ("sh", ["sudo systemctl restart mongod", "sudo systemctl status mongod"]),
        ("sh", ["mkdir -p /data/db", "", "mongod --dbpath /data/db --fork --logpath /var/log/mongodb/mongod.log"]),
        (
            "sh",
            [
                "curl --user \"{PUBLIC-KEY}:{PRIVATE-KEY}\" --digest \\",
                "  --header \"Accept: application/json\" \\",
                "  --request GET \"https://cloud.mongodb.com/api/atlas/v1.0/groups/{GROUP-ID}/clusters\"",
            ]
        ),
        ("sh", ["ls -l /var/lib/mongodb", "df -h /var/lib/mongodb"]),
        (
            "sh",
            [
                "testRS:PRIMARY> use admin",
                "switched to db admin",
                "testRS:PRIMARY> db.getUser(\"admin\")",
                "{",
                "  \"_id\" : \"admin.admin\",",
                "  \"user\" : \"admin\",",
                "  \"db\" : \"admin\",",
                "  \"roles\" : [",
                "    {",
                "      \"role\" : \"backup\",",
                "      \"db\" : \"admin\"",
                "    },",
                "    {",
                "      \"role\" : \"clusterMonitor\",",
                "      \"db\" : \"admin\"",
                "    }",
                "  ]",
                "}",
            ]
        ),
        (
            "javascript",
            [
                "use admin",
                "db.createUser({",
                "  user: \"migrator\",",
                "  pwd: passwordPrompt(),",
                "  roles: [ \"clusterMonitor\", \"backup\" ]",
                "})",
            ]
        ),
        (
            "javascript",
            [
                "rs.initiate({",
                "  _id: \"rs0\",",
                "  members: [",
                "    { _id: 0, host: \"db0.example.net:27017\" },",
                "    { _id: 1, host: \"db1.example.net:27017\" },",
                "    { _id: 2, host: \"db2.example.net:27017\" }",
                "  ]",
                "})",
            ]
        ),
        ("javascript", ["db.adminCommand( { getCmdLineOpts: 1 } )"]),
        (
            "javascript",
            [
                "rs.status().members.forEach(function (member) {",
                "  print(member.name + \" \" + member.stateStr);",
                "});",
            ]
        ),
        ("javascript", ["db.getSiblingDB(\"local\").oplog.rs.find().sort({ $natural: -1 }).limit(1)"]),
        ("javascript", ["db.runCommand( { buildInfo: 1 } ).version"]),
        (
            "javascript",
            [
                "const status = db.serverStatus();",
                "",
                "printjson(status.connections);",
                "printjson(status.opcounters);",
            ]
        ),
    ]

    static let sentenceTemplateTexts = [
        "{S} {V} {O} {T}.",
        "{S} {V} {O}.",
        "{S} {V} {O} with {I}.",
        "{S} {V} {O} before you run {I}.",
        "to {V0} {O}, run {I} {T}.",
        "see {L} for {O}.",
        "{S} {M} {V0} {O} {T}.",
        "if {S} {V} {O}, {S} {M} {V0} {I} {T}.",
        "for details, see {L}.",
        "{I} {V} {O} {T}.",
        "{S} {M} **not** {V0} {O} {T}.",
        "use {R} to {V0} {O}.",
        "{S} {V} *only* {O} {T}.",
        "set {LIT} in {O} {T}, then {V0} {O}.",
        "you {M} {V0} {O} from {L} {T}.",
    ]

    static let titleTemplateTexts = [
        "{V0} {O}",
        "{V0} {O} {T}",
        "{S} {V} {O}.",
        "optional: {V0} {O}",
        "{V0} {LIT} {T}",
        "{S} {M} {V0} {O}.",
        "{V0} {O} with {LIT}",
    ]

    static let itemTemplateTexts = [
        "{O} {T}",
        "{S} {V} {O}.",
        "{I} {T}",
        "{S} {M} {V0} {O} {T}, and {S} {V} {O} with {I}.",
        "{V0} {O} and {V0} {O} {T}.",
        "see {L} for {O}.",
    ]
}
