using IntegrifyBot.Integrify.Api;
using IntegrifyBot.Storage;
using IntegrifyBot.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrifyBot.FunctionalTests.Storage;

/// <summary>Report export links on a real database created by the migrations: SQLite and PostgreSQL.</summary>
public abstract class ReportExportStoreTests(StorageProvider provider) : IAsyncLifetime
{
    private readonly ManualClock clock = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
    private readonly IntegrifyUser alex = new("tenant-1", "aad-alexw");

    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task A_link_names_its_owner_and_report_and_is_claimed_once_even_by_two_instances_at_once()
    {
        await using var one = await StorageInstance.StartAsync(database, clock);
        await using var two = await StorageInstance.StartAsync(database, clock);
        var secret = await one.Services.GetRequiredService<ReportExports>().IssueAsync(alex, "report-1", "Open purchase requests", """[{"label":"Department","value":"IT"}]""", TimeSpan.FromMinutes(10), CancellationToken.None);

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => (i % 2 == 0 ? one : two).Services.GetRequiredService<ReportExports>().ClaimAsync(secret, CancellationToken.None)));

        Assert.True(secret.Length >= 40, "a link must not be guessable");
        var claimed = Assert.Single(claims, claim => claim.Claim == ReportExportClaim.Claimed);
        Assert.Equal(new ReportExportLink(alex, "report-1", "Open purchase requests", """[{"label":"Department","value":"IT"}]"""), claimed.Link);
        Assert.All(claims.Where(claim => claim.Claim != ReportExportClaim.Claimed), claim => Assert.Equal(ReportExportClaim.Unknown, claim.Claim));
    }

    [Fact]
    public async Task A_released_link_can_be_claimed_again_and_an_expired_one_says_so()
    {
        await using var instance = await StorageInstance.StartAsync(database, clock);
        var exports = instance.Services.GetRequiredService<ReportExports>();
        var secret = await exports.IssueAsync(alex, "report-1", "Expenses", "[]", TimeSpan.FromMinutes(10), CancellationToken.None);

        Assert.Equal(ReportExportClaim.Claimed, (await exports.ClaimAsync(secret, CancellationToken.None)).Claim);
        await exports.ReleaseAsync(secret, CancellationToken.None);
        Assert.Equal(ReportExportClaim.Claimed, (await exports.ClaimAsync(secret, CancellationToken.None)).Claim);

        var late = await exports.IssueAsync(alex, "report-1", "Expenses", "[]", TimeSpan.FromMinutes(10), CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(ReportExportClaim.Expired, (await exports.ClaimAsync(late, CancellationToken.None)).Claim);
        Assert.Equal(ReportExportClaim.Unknown, (await exports.ClaimAsync(late + "x", CancellationToken.None)).Claim);
    }

    [Fact]
    public async Task The_database_keeps_only_a_hash_of_the_link()
    {
        await using var instance = await StorageInstance.StartAsync(database, clock);
        var secret = await instance.Services.GetRequiredService<ReportExports>().IssueAsync(alex, "report-1", "Expenses", "[]", TimeSpan.FromMinutes(10), CancellationToken.None);

        await using var context = await instance.Services.GetRequiredService<IDbContextFactory<BotDbContext>>().CreateDbContextAsync();
        var row = await context.ReportExports.SingleAsync();

        Assert.NotEqual(secret, row.IdHash);
        Assert.DoesNotContain(secret, row.IdHash, StringComparison.Ordinal);
    }

    public sealed class OnSqlite() : ReportExportStoreTests(StorageProvider.Sqlite);

    public sealed class OnPostgres() : ReportExportStoreTests(StorageProvider.Postgres);
}
