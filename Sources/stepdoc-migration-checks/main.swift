import MigrationChecks

// MigrationChecks' suites as a check runner: `manifest` prints their check manifest, `evaluate --suite ID
// --facts FILE` their outcomes on a deployment's facts.
CheckRunner.main(suites: CheckSuites.all)
