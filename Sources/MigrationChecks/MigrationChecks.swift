// MigrationChecks: MongoDB's migration prerequisites as checks, a client of StepDocChecks like any other
// package. A deployment's facts (Facts/: DeploymentFacts, the replies of hello/isMaster, buildInfo,
// getCmdLineOpts, connectionStatus and usersInfo in one JSON document), the rules that decide each step
// (Checks/), the suite for content/atlas-live-migration-prerequisites.rst (Suites/), and the mongosh
// script that collects the facts (Collector/). StepDocChecks' API is re-exported: a migration service
// imports MigrationChecks alone.
@_exported import StepDocChecks

/// A MongoDB server version: StepDocChecks' ``Version`` (`4.0.3`, `3.6.8-rc0`, `2.6`).
public typealias ServerVersion = Version

/// A check of MigrationChecks: it reads a deployment's facts.
public typealias MigrationCheck = Check<DeploymentFacts>

/// A suite of MigrationChecks' checks.
public typealias MigrationCheckSuite = CheckSuite<DeploymentFacts>
