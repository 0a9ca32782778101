using System.Collections.Concurrent;
using System.Security.Claims;
using Linode.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication;

namespace WebSample.Deploy;

/// <summary>
/// Gives back the write access a deployment needed, as Linode's own "Install on Linode" example does. Once the new
/// Linode runs, the created page posts <c>/deploy/release</c>, which signs the user out here and so revokes their token
/// at Linode. A page closed before that does not keep the access: <see cref="GiveBackAfter"/> (10 minutes;
/// <c>Deploy:GiveBackAccessAfter</c>) after the creation, a timer revokes the token this instance holds for that user.
/// Every later request of the user updates the held token (<see cref="FollowAsync"/>), so a refresh in between leaves no
/// live token behind, and a token refreshed just as the timer fired is revoked on the request that carries it.
/// The holding is this instance's memory: with several instances, the one that created the Linode gives access back.
/// </summary>
public sealed class DeployAccessRelease : IDisposable
{
    private readonly ConcurrentDictionary<string, Held> _held = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger<DeployAccessRelease> _logger;

    public DeployAccessRelease(IConfiguration configuration, TimeProvider time, IServiceScopeFactory scopes, ILogger<DeployAccessRelease> logger)
    {
        GiveBackAfter = configuration.GetValue("Deploy:GiveBackAccessAfter", TimeSpan.FromMinutes(10));
        _time = time;
        _scopes = scopes;
        _logger = logger;
    }

    /// <summary>How long after a creation the access is given back at the latest.</summary>
    public TimeSpan GiveBackAfter { get; }

    /// <summary>Starts the countdown for the user's deployment; a countdown already running for them keeps its deadline
    /// and takes the newer token.</summary>
    public void Hold(string userId, string accessToken)
    {
        ForgetOldGivenBack();
        var held = _held.GetOrAdd(userId, _ => new Held(accessToken, _time.GetUtcNow()));
        while (held.IsGivenBack)
        {
            // A new deployment after the last one's access was given back starts its own countdown.
            if (_held.TryRemove(KeyValuePair.Create(userId, held)))
            {
                held.Dispose();
            }

            held = _held.GetOrAdd(userId, _ => new Held(accessToken, _time.GetUtcNow()));
        }

        held.With(accessToken);
        held.StartTimer(_time, GiveBackAfter, () => _ = GiveBackAsync(held));
    }

    /// <summary>Whether the timer already gave the user's access back (the page then says so instead of asking Linode).</summary>
    public bool IsGivenBack(string userId) => _held.TryGetValue(userId, out var held) && held.IsGivenBack;

    /// <summary>Called on every request of a signed-in user for whom a countdown runs: keeps the token held for them
    /// current and revokes a token their session still carries after the access was given back (refreshed in the same
    /// moment).</summary>
    public async Task FollowAsync(HttpContext context)
    {
        if (UserIdOf(context) is not { } userId || !_held.TryGetValue(userId, out var held)
            || await context.GetTokenAsync("access_token") is not { } accessToken || !held.Take(accessToken, out var alreadyGivenBack) || !alreadyGivenBack)
        {
            return;
        }

        var revoker = context.RequestServices.GetRequiredService<ILinodeTokenRevoker>();
        var result = await revoker.RevokeAsync(context, LinodeDefaults.AuthenticationScheme, accessToken, CancellationToken.None);
        _logger.DeployAccessGivenBack("a token refreshed as the time ran out", result.Outcome.ToString());
    }

    /// <summary>The signed-in user's id (the Linode username claim the sample binds decisions to).</summary>
    public static string? UserIdOf(HttpContext context) => context.User.FindFirst(ClaimTypes.NameIdentifier)?.Value;

    /// <summary>The page gave the access back itself (by signing out, which revoked the token): the countdown ends.</summary>
    public void Forget(string userId)
    {
        if (_held.TryRemove(userId, out var held))
        {
            held.Dispose();
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var held in _held.Values)
        {
            held.Dispose();
        }
    }

    private async Task GiveBackAsync(Held held)
    {
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            var revoker = scope.ServiceProvider.GetRequiredService<ILinodeTokenRevoker>();
            foreach (var accessToken in held.GiveBack())
            {
                // No request here: the revoker only needs services, for its events.
                var result = await revoker.RevokeAsync(new DefaultHttpContext { RequestServices = scope.ServiceProvider }, LinodeDefaults.AuthenticationScheme, accessToken);
                _logger.DeployAccessGivenBack($"{GiveBackAfter.TotalMinutes:0.#} minutes after the creation", result.Outcome.ToString());
            }
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            _logger.DeployAccessGiveBackFailed(exception.GetType().Name);
        }
    }

    /// <summary>Drops the records of access given back more than a day ago (their sessions have long needed a new sign-in).</summary>
    private void ForgetOldGivenBack()
    {
        var now = _time.GetUtcNow();
        foreach (var (userId, held) in _held)
        {
            if (held.IsGivenBack && now - held.Since > TimeSpan.FromDays(1) && _held.TryRemove(KeyValuePair.Create(userId, held)))
            {
                held.Dispose();
            }
        }
    }

    /// <summary>The tokens held for one user (each one their session carried since the creation), and whether they were
    /// given back.</summary>
    private sealed class Held(string accessToken, DateTimeOffset since) : IDisposable
    {
        private readonly Lock _lock = new();
        private readonly List<string> _accessTokens = [accessToken];
        private ITimer? _timer;

        public DateTimeOffset Since { get; } = since;

        public bool IsGivenBack { get; private set; }

        public void With(string newer) => Take(newer, out _);

        public void StartTimer(TimeProvider time, TimeSpan after, Action onDeadline)
        {
            lock (_lock)
            {
                _timer ??= time.CreateTimer(_ => onDeadline(), null, after, Timeout.InfiniteTimeSpan);
            }
        }

        /// <summary>Records a token the session carries; true when it is one not seen before.</summary>
        public bool Take(string current, out bool givenBack)
        {
            lock (_lock)
            {
                givenBack = IsGivenBack;
                if (_accessTokens.Contains(current))
                {
                    return false;
                }

                _accessTokens.Add(current);
                return true;
            }
        }

        /// <summary>Marks the access given back; the tokens to revoke, or none when that already happened.</summary>
        public IReadOnlyList<string> GiveBack()
        {
            lock (_lock)
            {
                if (IsGivenBack)
                {
                    return [];
                }

                IsGivenBack = true;
                return [.. _accessTokens];
            }
        }

        public void Dispose()
        {
            lock (_lock)
            {
                _timer?.Dispose();
            }
        }
    }
}
