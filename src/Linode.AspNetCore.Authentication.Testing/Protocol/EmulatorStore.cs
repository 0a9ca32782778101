using System.Security.Cryptography;

namespace Linode.AspNetCore.Authentication.Testing;

/// <summary>
/// The emulator's state: codes, tokens, each user's accumulated consent. Thread-safe. Bounded: at most once a minute (of
/// its clock), issuing a code or a token first forgets codes that expired over <see cref="Retention"/> ago, tokens whose
/// access token expired over <see cref="Retention"/> ago and whose refresh token is dead (used, revoked, or none), and any
/// token whose access token expired over <see cref="LongestRetention"/> ago.
/// </summary>
internal sealed class EmulatorStore
{
    public static TimeSpan Retention => TimeSpan.FromHours(1);

    public static TimeSpan LongestRetention => TimeSpan.FromDays(30);

    private static TimeSpan PurgeInterval => TimeSpan.FromMinutes(1);

    private readonly Lock _lock = new();
    private readonly Dictionary<string, EmulatorGrant> _codes = new(StringComparer.Ordinal);
    private readonly List<LinodeEmulatorToken> _tokens = [];
    private readonly Dictionary<string, LinodeEmulatorToken> _byAccessToken = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LinodeEmulatorToken> _byRefreshToken = new(StringComparer.Ordinal);
    private readonly Dictionary<(string ClientId, long Uid), List<string>> _consents = [];
    private readonly TimeProvider _time;

    private DateTimeOffset _lastPurge;

    public EmulatorStore(TimeProvider time)
    {
        _time = time;
        _lastPurge = time.GetUtcNow();
    }

    public DateTimeOffset Now => _time.GetUtcNow();

    public IReadOnlyList<LinodeEmulatorToken> Tokens
    {
        get
        {
            lock (_lock)
            {
                return _tokens.ToArray();
            }
        }
    }

    public static string NewHex(int length) => RandomNumberGenerator.GetHexString(length, lowercase: true);

    public EmulatorGrant IssueCode(LinodeEmulatorClient client, LinodeEmulatorUser user, IReadOnlyList<string> scopes, string? codeChallenge, TimeSpan lifetime)
    {
        var grant = new EmulatorGrant { Code = NewHex(20), Client = client, User = user, Scopes = scopes, CodeChallenge = codeChallenge, ExpiresAt = Now + lifetime };
        lock (_lock)
        {
            PurgeIfDue();
            _codes[grant.Code] = grant;
            var key = (client.ClientId, user.Uid);
            var consent = _consents.TryGetValue(key, out var existing) ? existing : _consents[key] = [];
            consent.AddRange(scopes.Where(scope => !consent.Contains(scope, StringComparer.Ordinal)));
        }

        return grant;
    }

    /// <summary>What the user granted this client so far (accumulated over consents).</summary>
    public IReadOnlyList<string> ConsentOf(string clientId, long uid)
    {
        lock (_lock)
        {
            return _consents.TryGetValue((clientId, uid), out var scopes) ? scopes.ToArray() : [];
        }
    }

    /// <summary>Redeems a code once. A second redemption revokes what the first one issued (RFC 6749 §4.1.2).</summary>
    public (EmulatorGrant? Grant, string? Error) Redeem(string code, string clientId)
    {
        lock (_lock)
        {
            if (!_codes.TryGetValue(code, out var grant))
            {
                return (null, "The authorization code is unknown.");
            }

            if (grant.Used)
            {
                foreach (var token in grant.Tokens)
                {
                    token.IsRevoked = true;
                    token.IsRefreshTokenDead = true;
                }

                return (null, "The authorization code was already used; the tokens issued for it are revoked.");
            }

            if (grant.ExpiresAt <= Now)
            {
                return (null, "The authorization code has expired.");
            }

            if (!string.Equals(grant.Client.ClientId, clientId, StringComparison.Ordinal))
            {
                return (null, "The authorization code was issued to another client.");
            }

            grant.Used = true;
            return (grant, null);
        }
    }

    public LinodeEmulatorToken IssueToken(LinodeEmulatorClient client, LinodeEmulatorUser user, IReadOnlyList<string> scopes, TimeSpan lifetime, string grantType, bool withRefreshToken, EmulatorGrant? fromCode = null)
    {
        var now = Now;
        var token = new LinodeEmulatorToken(NewHex(64), withRefreshToken ? NewHex(64) : null, client.ClientId, user, scopes, now, now + lifetime, grantType);
        lock (_lock)
        {
            PurgeIfDue();
            _tokens.Add(token);
            _byAccessToken.Add(token.AccessToken, token);
            if (token.RefreshToken is not null)
            {
                _byRefreshToken.Add(token.RefreshToken, token);
            }

            fromCode?.Tokens.Add(token);
        }

        return token;
    }

    /// <summary>Uses a refresh token once: it dies (rotation) and the caller issues a new pair.</summary>
    public (LinodeEmulatorToken? Previous, string? Error) UseRefreshToken(string refreshToken, string clientId)
    {
        lock (_lock)
        {
            if (!_byRefreshToken.TryGetValue(refreshToken, out var token))
            {
                return (null, "The refresh token is unknown.");
            }

            if (token.IsRefreshTokenDead)
            {
                return (null, "The refresh token was revoked or already used.");
            }

            if (!string.Equals(token.ClientId, clientId, StringComparison.Ordinal))
            {
                return (null, "The refresh token was issued to another client.");
            }

            token.IsRefreshTokenDead = true;
            return (token, null);
        }
    }

    /// <summary>Revokes an access or refresh token of <paramref name="clientId"/>, and its partner; with
    /// <paramref name="withdrawConsent"/>, also what the user granted the client so far.</summary>
    public bool Revoke(string value, string clientId, bool withdrawConsent)
    {
        lock (_lock)
        {
            var token = _byAccessToken.TryGetValue(value, out var byAccess) ? byAccess : _byRefreshToken.GetValueOrDefault(value);
            if (token is null || !string.Equals(token.ClientId, clientId, StringComparison.Ordinal))
            {
                return false;
            }

            token.IsRevoked = true;
            token.IsRefreshTokenDead = true;
            if (withdrawConsent)
            {
                _consents.Remove((clientId, token.User.Uid));
            }

            return true;
        }
    }

    /// <summary>The token record behind an access or refresh token, live or not.</summary>
    public LinodeEmulatorToken? Find(string value)
    {
        lock (_lock)
        {
            return _byAccessToken.TryGetValue(value, out var token) ? token : _byRefreshToken.GetValueOrDefault(value);
        }
    }

    /// <summary>The live token behind a bearer value, or null when unknown, revoked or expired.</summary>
    public LinodeEmulatorToken? FindActive(string accessToken)
    {
        lock (_lock)
        {
            return _byAccessToken.TryGetValue(accessToken, out var token) && !token.IsRevoked && token.ExpiresAt > Now ? token : null;
        }
    }

    /// <summary>Forgets what can no longer be used. Called under the lock.</summary>
    private void PurgeIfDue()
    {
        var now = Now;
        if (now - _lastPurge < PurgeInterval)
        {
            return;
        }

        _lastPurge = now;
        foreach (var (code, grant) in _codes)
        {
            if (now - grant.ExpiresAt > Retention)
            {
                _codes.Remove(code);
            }
        }

        _tokens.RemoveAll(token =>
        {
            var expiredFor = now - token.ExpiresAt;
            if (expiredFor <= LongestRetention && (expiredFor <= Retention || (token.RefreshToken is not null && !token.IsRefreshTokenDead)))
            {
                return false;
            }

            _byAccessToken.Remove(token.AccessToken);
            if (token.RefreshToken is not null)
            {
                _byRefreshToken.Remove(token.RefreshToken);
            }

            return true;
        });
    }
}
