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
    /// The placeholder in ``mongoshScript`` for the migration user's name.
    public static let userPlaceholder = "REPLACE_WITH_MIGRATION_USER"

    /// How to run the script.
    public static let usage = "mongosh \"<connection-string>\" --quiet --file collect-facts.js > facts.json"

    /// The script, with ``userPlaceholder`` where the user's name goes; edit the first line, or
    /// define `migrationUser` before the script runs (`--eval 'var migrationUser = "name"'`).
    public static let mongoshScript = script(user: userPlaceholder, database: "admin")

    /// The script for a given migration user and authentication database.
    public static func mongoshScript(user: String, database: String = "admin") -> String {
        script(user: user, database: database)
    }

    private static func script(user: String, database: String) -> String {
        """
        // stepdoc: collects a deployment's facts for the migration prerequisite checks.
        // Run: \(usage)
        var migrationUser = typeof migrationUser === "string" ? migrationUser : \(user.javaScriptLiteral);
        var migrationUserDatabase =
          typeof migrationUserDatabase === "string" ? migrationUserDatabase : \(database.javaScriptLiteral);

        (function () {
          var admin = db.getSiblingDB("admin");
          var facts = {
            user: migrationUser,
            userDatabase: migrationUserDatabase,
            collectedAt: new Date(),
            errors: {}
          };

          // Runs one command; a failure leaves the key out and names the command in facts.errors.
          function collect(name, command) {
            try {
              var reply = admin.runCommand(command);
              if (reply && reply.ok == 1) {
                facts[name] = reply;
                return true;
              }
              facts.errors[name] = (reply && (reply.errmsg || reply.codeName)) || "the command failed";
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
          collect("usersInfo", { usersInfo: { user: migrationUser, db: migrationUserDatabase }, showPrivileges: true });

          print(typeof EJSON !== "undefined"
            ? EJSON.stringify(facts, null, 2, { relaxed: true })
            : JSON.stringify(facts, null, 2));
        })();

        """
    }
}
