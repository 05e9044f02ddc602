// The end of the test run stops what the tests started (the private PostgreSQL server, the test
// certificates' files): see TestRunFramework.
[assembly: TestFramework("IntegrifyBot.TestInfrastructure.TestRunFramework", "IntegrifyBot.TestInfrastructure")]
