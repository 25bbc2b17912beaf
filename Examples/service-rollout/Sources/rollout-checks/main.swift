import RolloutChecks
import StepDocChecks

// `rollout-checks manifest` prints the suite's check manifest; `rollout-checks evaluate --suite
// service-rollout --facts FILE` its outcomes on a deploy job's facts.
CheckRunner.main(suites: [ServiceRollout.suite()])
