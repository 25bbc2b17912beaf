import StepDocCLI

StepDocCommand.main()
