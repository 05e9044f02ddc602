using System.Globalization;
using System.Security.Cryptography;
using Npgsql;

namespace IntegrifyBot.TestInfrastructure;

/// <summary>
/// A private PostgreSQL server for the test run: a cluster made by initdb in a temporary folder,
/// listening on a free port of 127.0.0.1 and on a unix socket in that folder. It starts when a test
/// first asks for it and is stopped and deleted when the run ends (<see cref="TestRunFramework"/>).
/// Each test gets a database of its own, owned by an ordinary role that signs in with a password,
/// as the bot would in production. The binaries come from Debian's postgresql package, which
/// ./test.sh installs; without them every PostgreSQL test fails and says what to install.
/// </summary>
public sealed class PostgresServer
{
    /// <summary>The role the bot signs in as: owner of each test database, not a superuser.</summary>
    public const string BotRole = "integrifybot";

    private const string FolderPrefix = "integrifybot-pg-";
    private const string OwnerFile = "owner.pid";

    private static readonly string[] Programs = ["initdb", "pg_ctl", "pg_dump"];
    private static readonly Lazy<Task<PostgresServer>> Shared = new(StartAsync);

    private readonly Dictionary<string, string> programs;
    private readonly bool asRoot = Environment.IsPrivilegedProcess;
    private int databases;

    private PostgresServer(Dictionary<string, string> programs, string folder)
    {
        this.programs = programs;
        Folder = folder;
    }

    /// <summary>The cluster's folder: its data, its unix socket, its log.</summary>
    public string Folder { get; }

    public int Port { get; private set; }

    /// <summary>The bot role's password, for connection strings and for pg_dump.</summary>
    public string BotPassword { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    private string DataFolder => Path.Combine(Folder, "data");

    // The superuser signs in over the unix socket, which trusts local users; only TCP asks for passwords.
    private string AdminConnectionString => new NpgsqlConnectionStringBuilder { Host = Folder, Port = Port, Username = "postgres", Database = "postgres" }.ToString();

    /// <summary>The server of this test run, started on first use.</summary>
    public static Task<PostgresServer> SharedAsync() => Shared.Value;

    /// <summary>Stops and deletes the run's server, if a test started it.</summary>
    public static async Task StopSharedAsync()
    {
        if (Shared.IsValueCreated && Shared.Value.IsCompletedSuccessfully)
        {
            await Shared.Value.Result.StopAsync();
        }
    }

    /// <summary>A new, empty database owned by <see cref="BotRole"/>.</summary>
    public async Task<PostgresTestDatabase> CreateDatabaseAsync()
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"test_{Interlocked.Increment(ref databases)}_{Guid.NewGuid():N}");
        await ExecuteAsync($"CREATE DATABASE \"{name}\" OWNER {BotRole}");
        return new PostgresTestDatabase(this, name);
    }

    /// <summary>A connection string for the bot role to one database, over TCP with its password.</summary>
    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Database = database,
        Username = BotRole,
        Password = BotPassword,

        // Many tests share the server at once; each database's pool stays well below its limit.
        MaxPoolSize = 50,
    }.ToString();

    public async Task DropDatabaseAsync(string database)
    {
        using (var connection = new NpgsqlConnection(ConnectionString(database)))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
    }

    /// <summary>
    /// Everything in one database as pg_dump writes it (schema and data, plain SQL), signed in as the
    /// bot's role: what someone who got hold of the bot's connection string could take away.
    /// </summary>
    public async Task<byte[]> DumpAsync(string database)
    {
        var file = Path.Combine(Folder, database + ".sql");
        await RunAsync(
            "pg_dump",
            ["--host=127.0.0.1", $"--port={Port}", $"--username={BotRole}", "--no-password", $"--dbname={database}", $"--file={file}"],
            new Dictionary<string, string> { ["PGPASSWORD"] = BotPassword });
        var dump = await File.ReadAllBytesAsync(file);
        File.Delete(file);
        return dump;
    }

    private static async Task<PostgresServer> StartAsync()
    {
        var programs = FindPrograms() ?? throw new InvalidOperationException(
            $"PostgreSQL's server programs ({string.Join(", ", Programs)}) were not found in /usr/lib/postgresql/*/bin or on PATH. "
            + "./test.sh installs them (Debian: apt-get install postgresql); the PostgreSQL tests need a real server.");
        await RemoveAbandonedClustersAsync(programs);

        var server = new PostgresServer(programs, Directory.CreateTempSubdirectory(FolderPrefix).FullName);
        await File.WriteAllTextAsync(Path.Combine(server.Folder, OwnerFile), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        try
        {
            await server.CreateClusterAsync();
            await server.StartServerAsync();
            await server.ExecuteAsync($"CREATE ROLE {BotRole} LOGIN PASSWORD '{server.BotPassword}'");
            return server;
        }
        catch
        {
            await server.StopAsync();
            throw;
        }
    }

    // Debian keeps the server's programs out of PATH, one folder per major version; the newest wins.
    // Elsewhere each is looked up on PATH, where a link may point at a version no longer installed.
    private static Dictionary<string, string>? FindPrograms()
    {
        const string debian = "/usr/lib/postgresql";
        var newest = Directory.Exists(debian)
            ? Directory.GetDirectories(debian)
                .Where(version => Programs.All(program => Runnable(Path.Combine(version, "bin", program))))
                .OrderByDescending(version => int.TryParse(Path.GetFileName(version), out var major) ? major : 0)
                .FirstOrDefault()
            : null;
        if (newest is not null)
        {
            return Programs.ToDictionary(program => program, program => Path.Combine(newest, "bin", program));
        }

        var path = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var found = Programs
            .Select(program => (program, path: path.Select(folder => Path.Combine(folder, program)).FirstOrDefault(Runnable)))
            .ToList();
        return found.All(program => program.path is not null) ? found.ToDictionary(program => program.program, program => program.path!) : null;
    }

    private static bool Runnable(string file) =>
        File.Exists(file) && (new FileInfo(file).ResolveLinkTarget(returnFinalTarget: true) is not { Exists: false });

    // A run that was killed never stopped its server; the next run does, so none piles up.
    private static async Task RemoveAbandonedClustersAsync(Dictionary<string, string> programs)
    {
        foreach (var folder in Directory.GetDirectories(Path.GetTempPath(), FolderPrefix + "*"))
        {
            var owner = Path.Combine(folder, OwnerFile);
            if (!File.Exists(owner) || !int.TryParse(await File.ReadAllTextAsync(owner), out var pid) || IsRunning(pid))
            {
                continue;
            }

            try
            {
                await new PostgresServer(programs, folder).StopAsync();
            }
            catch (Exception exception) when (exception is IOException or InvalidOperationException)
            {
                // Leftovers must never fail this run; the next one tries again.
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private async Task CreateClusterAsync()
    {
        if (asRoot)
        {
            // PostgreSQL refuses to run as root: its programs run as the unprivileged user that
            // Debian's package creates, which must own the cluster's folder.
            await RunCheckedAsync("id", ["-u", "postgres"], "Running as root, the PostgreSQL server must run as the user 'postgres' (created by Debian's postgresql package), which does not exist.");
            await RunCheckedAsync("chown", ["postgres:postgres", Folder], "Could not give the PostgreSQL cluster's folder to the user 'postgres'.");
        }

        // The superuser's password is needed only because initdb wants one when TCP asks for passwords.
        var passwordFile = Path.Combine(Folder, "superuser.pw");
        await File.WriteAllTextAsync(passwordFile, Convert.ToHexString(RandomNumberGenerator.GetBytes(16)));
        if (asRoot)
        {
            await RunCheckedAsync("chown", ["postgres:postgres", passwordFile], "Could not give the superuser's password file to the user 'postgres'.");
        }

        await RunAsync("initdb", [$"--pgdata={DataFolder}", "--username=postgres", $"--pwfile={passwordFile}", "--auth-local=trust", "--auth-host=scram-sha-256", "--encoding=UTF8", "--no-locale", "--no-sync"]);
        File.Delete(passwordFile);

        // A throwaway cluster: durability is not worth the time here.
        await File.AppendAllTextAsync(Path.Combine(DataFolder, "postgresql.conf"), string.Join('\n',
        [
            string.Empty,
            "listen_addresses = '127.0.0.1'",
            $"unix_socket_directories = '{Folder}'",
            "max_connections = 400",
            "fsync = off",
            "synchronous_commit = off",
            "full_page_writes = off",
            string.Empty,
        ]));
    }

    private async Task StartServerAsync()
    {
        // The port was free when asked for; another process may take it before the server binds.
        for (var attempt = 1; ; attempt++)
        {
            Port = FreePort.Next();
            try
            {
                await RunAsync("pg_ctl", ["start", $"--pgdata={DataFolder}", $"--log={Path.Combine(Folder, "server.log")}", "--wait", "--timeout=60", $"--options=-p {Port}"]);
                return;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
            }
            catch (InvalidOperationException exception)
            {
                var log = Path.Combine(Folder, "server.log");
                throw new InvalidOperationException($"{exception.Message}\n{(File.Exists(log) ? await File.ReadAllTextAsync(log) : string.Empty)}", exception);
            }
        }
    }

    private async Task StopAsync()
    {
        if (ServerIsRunning())
        {
            NpgsqlConnection.ClearAllPools();
            await RunAsync("pg_ctl", ["stop", $"--pgdata={DataFolder}", "--mode=immediate", "--wait"]);
        }

        Directory.Delete(Folder, recursive: true);
    }

    // postmaster.pid starts with the server's process id, and outlives a server that was killed.
    private bool ServerIsRunning()
    {
        var pidFile = Path.Combine(DataFolder, "postmaster.pid");
        return File.Exists(pidFile)
            && int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var pid)
            && IsRunning(pid);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Runs one of the server's programs, as the user 'postgres' when the tests run as root.</summary>
    private async Task RunAsync(string program, IEnumerable<string> arguments, IDictionary<string, string>? environment = null)
    {
        var path = programs[program];
        var (fileName, allArguments) = asRoot
            ? ("runuser", (IEnumerable<string>)["-u", "postgres", "--", path, .. arguments])
            : (path, arguments);

        // Run from the cluster's folder: the repository may not be readable by that user.
        await using var process = BotProcess.Start(fileName, allArguments, environment, workingDirectory: Folder);
        var exitCode = await process.WaitForExitAsync(TimeSpan.FromSeconds(90));
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed with exit code {exitCode}:\n{process.Output}{process.Errors}");
        }
    }

    private async Task RunCheckedAsync(string fileName, IEnumerable<string> arguments, string failure)
    {
        await using var process = BotProcess.Start(fileName, arguments, workingDirectory: Folder);
        if (await process.WaitForExitAsync(TimeSpan.FromSeconds(30)) != 0)
        {
            throw new InvalidOperationException($"{failure}\n{process.Output}{process.Errors}");
        }
    }
}
