using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace IntegrifyBot.TestInfrastructure;

/// <summary>
/// xunit's own test framework, plus the end of the test run: the private PostgreSQL server that
/// tests started (<see cref="PostgresServer"/>) is stopped and deleted after the last test, before
/// the run reports that it has finished, and so are the test certificates' files. (A process-exit
/// handler would not do: the test platform may end the test process before such handlers have run.)
/// </summary>
public sealed class TestRunFramework(IMessageSink diagnosticMessageSink) : XunitTestFramework(diagnosticMessageSink)
{
    protected override ITestFrameworkExecutor CreateExecutor(AssemblyName assemblyName) =>
        new Executor(assemblyName, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Executor(AssemblyName assemblyName, ISourceInformationProvider sourceInformation, IMessageSink diagnosticMessageSink)
        : XunitTestFrameworkExecutor(assemblyName, sourceInformation, diagnosticMessageSink)
    {
        protected override async void RunTestCases(IEnumerable<IXunitTestCase> testCases, IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions)
        {
            using var runner = new Runner(TestAssembly, testCases, DiagnosticMessageSink, executionMessageSink, executionOptions);
            await runner.RunAsync();
        }
    }

    private sealed class Runner(
        ITestAssembly testAssembly,
        IEnumerable<IXunitTestCase> testCases,
        IMessageSink diagnosticMessageSink,
        IMessageSink executionMessageSink,
        ITestFrameworkExecutionOptions executionOptions)
        : XunitTestAssemblyRunner(testAssembly, testCases, diagnosticMessageSink, executionMessageSink, executionOptions)
    {
        protected override async Task BeforeTestAssemblyFinishedAsync()
        {
            try
            {
                await PostgresServer.StopSharedAsync();
                TestCertificate.DeleteAll();
            }
            catch (Exception exception)
            {
                Aggregator.Add(exception);
            }

            await base.BeforeTestAssemblyFinishedAsync();
        }
    }
}
