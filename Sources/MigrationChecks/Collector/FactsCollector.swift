import StepEscaping

/// The mongosh script that collects a deployment's facts into one JSON document.
///
/// Run it as the migration user, against the source deployment:
///
/// ```sh
/// mongosh "<connection-string>" --quiet --file collect-facts.js > facts.json
/// ```
///
/// It runs `hello` (falling back to `isMaster` on servers older than 4.4.2), `buildInfo`,
/// `getCmdLineOpts`, `connectionStatus` with `showPrivileges`, and `usersInfo` for the migration
/// user, each on the `admin` database, and prints the document described by ``DeploymentFacts``
/// with `EJSON.stringify` (relaxed). A command that fails (unauthorized, unknown) leaves its key
/// out and adds an `errors` entry naming it, so the checks that need it answer "cannot tell".
/// The legacy `mongo` shell (for servers mongosh no longer supports) runs it too, printing plain
/// `JSON.stringify` output.
public enum FactsCollector {
    /// How to run the script.
    public static let usage = "mongosh \"<connection-string>\" --quiet --file collect-facts.js > facts.json"

    /// The script for the user it runs as: the migration user is the user the shell authenticated as
    /// (the first of `connectionStatus.authInfo.authenticatedUsers`), so the script needs no editing.
    public static let mongoshScript = script(user: nil, database: nil)

    /// The script for a given migration user and authentication database (for a run authenticated as
    /// another user, or on several users).
    public static func mongoshScript(user: String, database: String = "admin") -> String {
        script(user: user, database: database)
    }

    private static func script(user: String?, database: String?) -> String {
        """
        // stepdoc: collects a deployment's facts for the migration prerequisite checks.
        // Run: \(usage)
        var migrationUser = typeof migrationUser === "string" ? migrationUser : \(user.map(TextEscaping.javaScript) ?? "null");
        var migrationUserDatabase =
          typeof migrationUserDatabase === "string" ? migrationUserDatabase : \(database.map(TextEscaping.javaScript) ?? "null");

        (function () {
          var admin = db.getSiblingDB("admin");
          var facts = {
            user: migrationUser,
            userDatabase: migrationUserDatabase,
            collectedAt: new Date(),
            errors: {}
          };

          // Runs one command; a failure leaves the key out and names the command in facts.errors, with the
          // server's code name ("not authorized on admin … (Unauthorized)").
          function collect(name, command) {
            try {
              var reply = admin.runCommand(command);
              if (reply && reply.ok == 1) {
                facts[name] = reply;
                return true;
              }
              var message = (reply && reply.errmsg) || "the command failed";
              facts.errors[name] = reply && reply.codeName ? message + " (" + reply.codeName + ")" : message;
            } catch (error) {
              facts.errors[name] = String((error && error.message) || error);
            }
            return false;
          }

          // Servers before 4.4.2 know only the legacy isMaster command.
          if (!collect("hello", { hello: 1 }) && collect("isMaster", { isMaster: 1 })) {
            delete facts.errors.hello;
          }
          collect("buildInfo", { buildInfo: 1 });
          collect("getCmdLineOpts", { getCmdLineOpts: 1 });
          collect("connectionStatus", { connectionStatus: 1, showPrivileges: true });

          // Without a name given, the migration user is the user this shell authenticated as.
          if (migrationUser === null) {
            var status = facts.connectionStatus;
            var users = (status && status.authInfo && status.authInfo.authenticatedUsers) || [];
            if (users.length > 0) {
              migrationUser = users[0].user;
              migrationUserDatabase = users[0].db || users[0].userSource || "admin";
            }
          }
          if (migrationUserDatabase === null) {
            migrationUserDatabase = "admin";
          }
          if (migrationUser === null) {
            delete facts.user;
            delete facts.userDatabase;
            facts.errors.usersInfo = "no migration user: the shell is not authenticated; run the script as the "
              + "migration user, or name it with stepdoc preflight --print-collector --user NAME";
          } else {
            facts.user = migrationUser;
            facts.userDatabase = migrationUserDatabase;
            collect("usersInfo", { usersInfo: { user: migrationUser, db: migrationUserDatabase }, showPrivileges: true });
          }

          print(typeof EJSON !== "undefined"
            ? EJSON.stringify(facts, null, 2, { relaxed: true })
            : JSON.stringify(facts, null, 2));
        })();

        """
    }
}
