using IntegrifyBot.Integrify.Api;
using IntegrifyBot.Integrify.Api.Models;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace IntegrifyBot.Features.Tasks;

/// <summary>
/// What each approval on a person's last cards offered (T2), kept a short while so that the next list
/// does not read every approval again: Integrify has no call for several approvals at once. It only
/// draws buttons: a click is always checked with a fresh read, which replaces what is kept here, and
/// any action of the person drops all they had, since completing one task can change the others of
/// the same request. Kept per person, a bounded number of people, each with at most a few pages' worth.
/// </summary>
public sealed class ApprovalChoices : IDisposable
{
    /// <summary>The approvals kept for one person: a few pages of the list.</summary>
    private const int MaxPerPerson = 60;

    private readonly MemoryCache people;

    /// <summary>
    /// Held while a person's entry is looked up or made: the list reads its approvals at once, and the
    /// cache's GetOrCreate is not atomic, so each read would otherwise make its own entry and all but
    /// the last would be lost.
    /// </summary>
    private readonly Lock creating = new();
    private readonly TimeProvider time;
    private readonly TimeSpan lifetime;

    public ApprovalChoices(IOptions<TasksOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.time = time;
        lifetime = options.Value.ChoicesLifetime;
        people = new MemoryCache(new MemoryCacheOptions { SizeLimit = options.Value.ChoicesPeople });
    }

    /// <summary>The choices read for this person's task within the lifetime, or null.</summary>
    public ApprovalDetails? Find(IntegrifyUser user, string recipientTaskSid)
    {
        if (lifetime <= TimeSpan.Zero || !people.TryGetValue(user, out Kept? kept) || kept is null)
        {
            return null;
        }

        lock (kept)
        {
            return kept.Approvals.TryGetValue(recipientTaskSid, out var read) && time.GetUtcNow() - read.At < lifetime ? read.Details : null;
        }
    }

    /// <summary>Keeps what was just read from Integrify, replacing anything older.</summary>
    public void Keep(IntegrifyUser user, string recipientTaskSid, ApprovalDetails details)
    {
        if (lifetime <= TimeSpan.Zero)
        {
            return;
        }

        Kept kept;
        lock (creating)
        {
            kept = people.GetOrCreate(user, entry =>
            {
                entry.Size = 1;
                entry.SlidingExpiration = lifetime;
                return new Kept();
            })!;
        }

        lock (kept)
        {
            if (kept.Approvals.Count >= MaxPerPerson && !kept.Approvals.ContainsKey(recipientTaskSid))
            {
                kept.Approvals.Clear();
            }

            kept.Approvals[recipientTaskSid] = (details, time.GetUtcNow());
        }
    }

    /// <summary>Drops everything kept for this person: they acted, so any of their tasks may have changed.</summary>
    public void Forget(IntegrifyUser user) => people.Remove(user);

    public void Dispose() => people.Dispose();

    private sealed class Kept
    {
        public Dictionary<string, (ApprovalDetails Details, DateTimeOffset At)> Approvals { get; } = new(StringComparer.OrdinalIgnoreCase);
    }
}
