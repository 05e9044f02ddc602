using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Integrify.Simulator.Demo;
using Integrify.Simulator.Workflow;

namespace Integrify.Simulator.Auth;

/// <summary>
/// Opaque, single-use refresh tokens. Only their SHA-256 hashes are kept. Redeeming removes the
/// token atomically, so of two concurrent refreshes with the same token exactly one succeeds; a
/// spent token is remembered until it would have expired, so reuse is recognised and reported.
/// </summary>
internal sealed class RefreshTokenStore(SimulatorOptions options, TimeProvider time, UserDirectory users)
{
    private readonly ConcurrentDictionary<string, Grant> live = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Grant> spent = new(StringComparer.Ordinal);

    public string Issue(UserAccount user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        live[Hash(token)] = new Grant(user.UserName, time.GetUtcNow() + options.RefreshTokenLifetime);
        return token;
    }

    public RefreshRedemption Redeem(string token)
    {
        var now = time.GetUtcNow();
        var hash = Hash(token);

        // Marked spent before it is taken, so a concurrent redemption that loses the race below
        // already finds it spent (and whose it was) instead of an unknown token.
        if (live.TryGetValue(hash, out var candidate))
        {
            spent.TryAdd(hash, candidate);
        }

        if (live.TryRemove(hash, out var grant))
        {
            ForgetExpired(now);
            return grant.Expires > now
                ? new RefreshRedemption(users.Find(grant.UserName), true, null)
                : new RefreshRedemption(users.Find(grant.UserName), false, "The refresh token has expired; sign in again.");
        }

        return spent.TryGetValue(hash, out var used)
            ? new RefreshRedemption(users.Find(used.UserName), false, "The refresh token was already used; each one works once.")
            : new RefreshRedemption(null, false, "The refresh token is not valid.");
    }

    public int RevokeAll(string userName)
    {
        var revoked = 0;
        foreach (var (hash, grant) in live)
        {
            if (grant.UserName == userName && live.TryRemove(hash, out _))
            {
                revoked++;
            }
        }

        return revoked;
    }

    private void ForgetExpired(DateTimeOffset now)
    {
        foreach (var (hash, grant) in spent)
        {
            if (grant.Expires <= now)
            {
                spent.TryRemove(hash, out _);
            }
        }
    }

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private sealed record Grant(string UserName, DateTimeOffset Expires);
}
