using IntegrifyBot.Storage.Entities;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace IntegrifyBot.Storage;

/// <summary>
/// The bot's database: linked accounts, sign-ins in progress and refused sign-ins, report export
/// links, conversation references, the notification outbox and settings, and the Data Protection key
/// ring, which lives here so that every instance sharing the database can read every other's ciphertext.
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

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<NotificationSettings> NotificationSettings => Set<NotificationSettings>();

    public DbSet<PushReplay> PushReplays => Set<PushReplay>();

    public DbSet<TenantSendLease> TenantSendLeases => Set<TenantSendLease>();

    public DbSet<NotificationSenderBeat> NotificationSenders => Set<NotificationSenderBeat>();

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
            account.Property(a => a.NormalizedIntegrifyUserName).HasMaxLength(200);

            // A push from Integrify names a username; its Teams users are found through this.
            account.HasIndex(a => a.NormalizedIntegrifyUserName);

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
            reference.Property(r => r.BotId).HasMaxLength(200);
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

        modelBuilder.Entity<TenantSendLease>(lease =>
        {
            lease.ToTable("TenantSendLeases");
            lease.HasKey(l => l.TeamsTenantId);
            lease.Property(l => l.TeamsTenantId).HasMaxLength(100);
            lease.Property(l => l.Holder).HasMaxLength(100);
        });

        modelBuilder.Entity<NotificationSenderBeat>(sender =>
        {
            sender.ToTable("NotificationSenders");
            sender.HasKey(b => b.Name);
            sender.Property(b => b.Name).HasMaxLength(100);
        });

        modelBuilder.Entity<SignInFailure>(failure =>
        {
            failure.ToTable("SignInFailures");
            failure.HasKey(f => f.Id);
            failure.Property(f => f.TeamsTenantId).HasMaxLength(100);
            failure.Property(f => f.UserKey).HasMaxLength(200);
            failure.Property(f => f.TargetUserName).HasMaxLength(200);
            failure.HasIndex(f => new { f.TeamsTenantId, f.UserKey, f.At });

            // A password attempt counts the named username's failures by every Teams user.
            failure.HasIndex(f => new { f.TargetUserName, f.At });
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

        modelBuilder.Entity<Notification>(notification =>
        {
            notification.ToTable("Notifications");
            notification.HasKey(n => n.Id);
            notification.Property(n => n.TeamsTenantId).HasMaxLength(100);
            notification.Property(n => n.UserKey).HasMaxLength(200);
            notification.Property(n => n.RecipientTaskSid).HasMaxLength(64);
            notification.Property(n => n.Message).HasMaxLength(Notification.MaxMessageLength);
            notification.Property(n => n.LastError).HasMaxLength(500);
            notification.Property(n => n.ClaimedBy).HasMaxLength(100);
            notification.Property(n => n.Source).HasConversion<string>().HasMaxLength(16);
            notification.Property(n => n.State).HasConversion<string>().HasMaxLength(16);

            // The guarantee that a task is announced once per user, whoever found it.
            notification.HasIndex(n => new { n.TeamsTenantId, n.UserKey, n.RecipientTaskSid }).IsUnique();
            notification.HasIndex(n => new { n.State, n.NextAttemptAt });
        });

        modelBuilder.Entity<NotificationSettings>(settings =>
        {
            settings.ToTable("NotificationSettings");
            settings.HasKey(s => new { s.TeamsTenantId, s.UserKey });
            settings.Property(s => s.TeamsTenantId).HasMaxLength(100);
            settings.Property(s => s.UserKey).HasMaxLength(200);
            settings.Property(s => s.TimeZone).HasMaxLength(100);
            settings.Property(s => s.Locale).HasMaxLength(20);
        });

        modelBuilder.Entity<PushReplay>(replay =>
        {
            replay.ToTable("PushReplays");
            replay.HasKey(r => r.SignatureHash);
            replay.Property(r => r.SignatureHash).HasMaxLength(64);
            replay.HasIndex(r => r.ExpiresAt);
        });
    }
}
