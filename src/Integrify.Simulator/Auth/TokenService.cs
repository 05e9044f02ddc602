using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Integrify.Simulator.Demo;
using Integrify.Simulator.Workflow;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Integrify.Simulator.Auth;

/// <summary>
/// Issues and checks HS256 JWTs like Integrify's. Every JWT carries a <c>jti</c> that the server
/// remembers until it expires, so that logging out or expiring a user's tokens takes effect at once.
/// Lifetimes are checked against the injected clock, so tests move time instead of waiting.
/// </summary>
internal sealed class TokenService
{
    private const int PruneEvery = 256;

    private readonly JsonWebTokenHandler handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly SigningCredentials credentials;
    private readonly TokenValidationParameters validation;
    private readonly ConcurrentDictionary<string, IssuedToken> issued = new(StringComparer.Ordinal);
    private readonly string tenant;
    private readonly TimeProvider time;
    private readonly UserDirectory users;
    private readonly DemoTaskSchedule demoTasks;
    private long issuedCount;

    public TokenService(SimulatorOptions options, TimeProvider time, UserDirectory users, DemoTaskSchedule demoTasks)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.time = time;
        this.users = users;
        this.demoTasks = demoTasks;
        tenant = options.Tenant;
        var key = new SymmetricSecurityKey(string.IsNullOrEmpty(options.SigningKey) ? RandomNumberGenerator.GetBytes(32) : Encoding.UTF8.GetBytes(options.SigningKey));
        credentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256);
        validation = new TokenValidationParameters
        {
            IssuerSigningKey = key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ValidateIssuer = false,

            // Audience and lifetime are checked below, against the tenant and the injected clock, with clearer answers.
            ValidateAudience = false,
            ValidateLifetime = false,
        };
    }

    public string Issue(UserAccount user, TimeSpan lifetime)
    {
        ArgumentNullException.ThrowIfNull(user);
        var issuedAt = time.GetUtcNow().ToUnixTimeSeconds();
        var expires = issuedAt + (long)Math.Ceiling(lifetime.TotalSeconds);
        var id = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
        var payload = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["contactSid"] = WorkflowViews.Sid(user.Sid),
            ["userName"] = user.UserName,
            ["tenant"] = tenant,
            ["email"] = user.Email,
            ["name"] = user.FullName,
            ["iat"] = issuedAt,
            ["exp"] = expires,
            ["aud"] = tenant,
            ["jti"] = id,
        });
        issued[id] = new IssuedToken(user.UserName, DateTimeOffset.FromUnixTimeSeconds(expires));
        if (Interlocked.Increment(ref issuedCount) % PruneEvery == 0)
        {
            ForgetExpired();
        }

        // Every way of signing in ends here, so the demo's colleagues start when the person does.
        demoTasks.SignedIn(user.UserName);
        return handler.CreateToken(payload, credentials);
    }

    public async Task<TokenCheck> CheckAsync(string? authorization)
    {
        const string scheme = "Bearer ";
        if (authorization is null || !authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) || authorization.Length == scheme.Length)
        {
            return TokenCheck.Refused("A bearer token is required: send Authorization: Bearer <token>.");
        }

        var result = await handler.ValidateTokenAsync(authorization[scheme.Length..].Trim(), validation);
        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt)
        {
            return TokenCheck.Refused("The token is not valid.");
        }

        if (!jwt.Audiences.Contains(tenant, StringComparer.Ordinal))
        {
            return TokenCheck.Refused("The token was issued for another tenant.");
        }

        if (new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero) <= time.GetUtcNow())
        {
            return TokenCheck.Refused("The token has expired.");
        }

        if (string.IsNullOrEmpty(jwt.Id) || !issued.TryGetValue(jwt.Id, out var record) || users.Find(record.UserName) is not { } user)
        {
            return TokenCheck.Refused("The token has been revoked or is unknown to this server.");
        }

        return new TokenCheck(user, jwt.Id, null);
    }

    public void Revoke(string tokenId) => issued.TryRemove(tokenId, out _);

    public int RevokeAll(string userName)
    {
        var revoked = 0;
        foreach (var (id, record) in issued)
        {
            if (record.UserName == userName && issued.TryRemove(id, out _))
            {
                revoked++;
            }
        }

        return revoked;
    }

    private void ForgetExpired()
    {
        var now = time.GetUtcNow();
        foreach (var (id, record) in issued)
        {
            if (record.Expires <= now)
            {
                issued.TryRemove(id, out _);
            }
        }
    }

    private sealed record IssuedToken(string UserName, DateTimeOffset Expires);
}
