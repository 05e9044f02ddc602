using IntegrifyBot.Storage.Entities;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace IntegrifyBot.Storage;

/// <summary>
/// The bot's database: linked accounts, sign-ins in progress and refused sign-ins, report export
/// links, conversation references and the Data Protection key ring, which lives here so that every
/// instance sharing the database can read every other's ciphertext.
/// The model uses no provider-specific types or SQL, so a PostgreSQL provider can map it as it is.
/// </summary>
public class BotDbContext(DbContextOptions<BotDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<LinkedAccount> LinkedAccounts => Set<LinkedAccount>();

    public DbSet<ConversationReference> ConversationReferences => Set<ConversationReference>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<SignInState> SignInStates => Set<SignInState>();

    public DbSet<SignInFailure> SignInFailures => Set<SignInFailure>();

    public DbSet<ReportExport> ReportExports => Set<ReportExport>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);

        modelBuilder.Entity<LinkedAccount>(account =>
        {
            account.ToTable("LinkedAccounts");
            account.HasKey(a => new { a.TeamsTenantId, a.UserKey });
            account.Property(a => a.TeamsTenantId).HasMaxLength(100);
            account.Property(a => a.UserKey).HasMaxLength(200);
            account.Property(a => a.IntegrifyBaseUrl).HasMaxLength(500);
            account.Property(a => a.IntegrifyTenant).HasMaxLength(100);
            account.Property(a => a.IntegrifyUserName).HasMaxLength(200);

            // Stored by name: readable in the database and safe against reordering the enum.
            account.Property(a => a.Method).HasConversion<string>().HasMaxLength(32);
            account.Property(a => a.Version).IsConcurrencyToken();
        });

        modelBuilder.Entity<ConversationReference>(reference =>
        {
            reference.ToTable("ConversationReferences");
            reference.HasKey(r => new { r.UserKey, r.ConversationId });
            reference.Property(r => r.UserKey).HasMaxLength(200);
            reference.Property(r => r.ConversationId).HasMaxLength(500);
            reference.Property(r => r.ServiceUrl).HasMaxLength(500);
            reference.Property(r => r.TenantId).HasMaxLength(100);
            reference.Property(r => r.ConversationType).HasMaxLength(32);
        });

        modelBuilder.Entity<SignInState>(state =>
        {
            state.ToTable("SignInStates");
            state.HasKey(s => s.StateHash);
            state.Property(s => s.StateHash).HasMaxLength(64);
            state.Property(s => s.TeamsTenantId).HasMaxLength(100);
            state.Property(s => s.UserKey).HasMaxLength(200);
            state.Property(s => s.MagicCodeHash).HasMaxLength(64);
            state.HasIndex(s => new { s.TeamsTenantId, s.UserKey });
        });

        modelBuilder.Entity<SignInFailure>(failure =>
        {
            failure.ToTable("SignInFailures");
            failure.HasKey(f => f.Id);
            failure.Property(f => f.TeamsTenantId).HasMaxLength(100);
            failure.Property(f => f.UserKey).HasMaxLength(200);
            failure.HasIndex(f => new { f.TeamsTenantId, f.UserKey, f.At });
        });

        modelBuilder.Entity<ReportExport>(export =>
        {
            export.ToTable("ReportExports");
            export.HasKey(e => e.IdHash);
            export.Property(e => e.IdHash).HasMaxLength(64);
            export.Property(e => e.TeamsTenantId).HasMaxLength(100);
            export.Property(e => e.UserKey).HasMaxLength(200);
            export.Property(e => e.ReportSid).HasMaxLength(64);
            export.Property(e => e.ReportName).HasMaxLength(200);
            export.Property(e => e.FiltersJson).HasMaxLength(4000);
            export.HasIndex(e => new { e.TeamsTenantId, e.UserKey });
            export.HasIndex(e => e.ExpiresAt);
        });
    }
}
