using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace IntegrifyBot.UnitTests.Hosting;

/// <summary>
/// The unit tier stays the quick one: read from this assembly's own metadata, it references neither
/// the simulator nor a test host or database driver, and uses none of the test infrastructure's
/// drivers that start a bot, a process, a browser or a database server. A test that needs one of
/// them belongs in IntegrifyBot.FunctionalTests or IntegrifyBot.EndToEndTests.
/// </summary>
public sealed class TierTests
{
    private const string Infrastructure = "IntegrifyBot.TestInfrastructure";

    private static readonly string[] StartingAssemblies =
        ["Integrify.Simulator", "Microsoft.AspNetCore.Mvc.Testing", "Microsoft.AspNetCore.TestHost", "Npgsql", "Microsoft.Data.Sqlite"];

    private static readonly string[] Drivers =
    [
        "BotApp", "DemoBotFixture", "LinkingBot", "CrowdBot", "LinkedCrowd", "LocalConnector", "LoopbackApp", "BotFrameworkIssuer",
        "PublishedBot", "BotProcess", "AgentsPlayground", "NodeTools", "SignInPageBrowser", "FreePort",
        "PostgresServer", "PostgresTestDatabase", "StorageInstance", "IntegrifyClients",
    ];

    // LinkingBot's static card readers only read JSON; nothing else of a driver may be used here.
    private static readonly string[] CardReaders = ["Texts", "Inputs"];

    private static readonly string[] StartingTypes =
        ["System.Diagnostics.Process", "System.Net.Sockets.Socket", "System.Net.Sockets.TcpListener", "System.Net.Http.HttpClient"];

    [Fact]
    public void The_unit_tier_references_no_simulator_test_host_or_database_driver()
    {
        var referenced = typeof(TierTests).Assembly.GetReferencedAssemblies().Select(name => name.Name!).ToList();

        Assert.Contains(Infrastructure, referenced);
        Assert.Empty(referenced.Intersect(StartingAssemblies));
    }

    [Fact]
    public void The_unit_tier_uses_no_driver_that_starts_a_bot_a_process_a_browser_or_a_database_server()
    {
        using var file = File.OpenRead(typeof(TierTests).Assembly.Location);
        using var pe = new PEReader(file);
        var metadata = pe.GetMetadataReader();

        var offenders = new List<string>();
        foreach (var handle in metadata.TypeReferences)
        {
            var type = metadata.GetTypeReference(handle);
            var name = $"{metadata.GetString(type.Namespace)}.{metadata.GetString(type.Name)}";
            if (StartingTypes.Contains(name))
            {
                offenders.Add(name);
            }
            else if (metadata.GetString(type.Namespace) == Infrastructure && Drivers.Contains(metadata.GetString(type.Name)))
            {
                var members = metadata.MemberReferences
                    .Select(metadata.GetMemberReference)
                    .Where(member => member.Parent.Kind == HandleKind.TypeReference && (TypeReferenceHandle)member.Parent == handle)
                    .Select(member => metadata.GetString(member.Name))
                    .ToList();
                var onlyReadsCards = metadata.GetString(type.Name) == "LinkingBot" && members.Count > 0 && members.All(CardReaders.Contains);
                if (!onlyReadsCards)
                {
                    offenders.Add($"{name} ({string.Join(", ", members.DefaultIfEmpty("as a type"))})");
                }
            }
        }

        Assert.Empty(offenders);
    }
}
