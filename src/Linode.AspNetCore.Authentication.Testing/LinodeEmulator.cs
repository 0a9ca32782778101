using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Linode.AspNetCore.Authentication.Testing;

/// <summary>
/// A Linode emulator: login.linode.com's OAuth 2 endpoints and a slice of api.linode.com/v4, with seeded users and
/// clients, consent modes, fault injection and a record of every request it received. Serve it in-process through
/// <see cref="CreateHttpMessageHandler"/> (for a back-channel), on a loopback port with
/// <see cref="LinodeEmulatorServer.StartAsync(LinodeEmulator, int, CancellationToken)"/>, or under a path of any app with
/// <c>app.UseLinodeEmulator(...)</c>. One emulator may be served several ways at
/// once; they share its state. Requests are routed with the platform's endpoint routing; <see cref="MapApi"/> adds an API
/// endpoint of a test's own.
/// </summary>
public sealed class LinodeEmulator : IAsyncDisposable, IDisposable
{
    private readonly Lock _lock = new();
    private readonly Queue<LinodeEmulatorRequest> _requests = new();
    private readonly ConcurrentDictionary<string, StrongBox<long>> _counts = new(StringComparer.Ordinal);
    private readonly EmulatorEndpointSource _endpoints = new();
    private readonly Dictionary<string, ApiRoute> _apiRoutes = new(StringComparer.OrdinalIgnoreCase);
    private readonly EmulatorPipeline _pipeline;
    private TestServer? _inProcessServer;

    /// <summary>Creates an emulator.</summary>
    /// <param name="options">Its settings; defaults seed one client and two users.</param>
    /// <param name="timeProvider">The clock for token and code expiry; <see cref="TimeProvider.System"/> by default.</param>
    /// <param name="loggerFactory">Where the emulator logs what it refused (malformed forms); nowhere by default.</param>
    public LinodeEmulator(LinodeEmulatorOptions? options = null, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null)
    {
        Options = options ?? new LinodeEmulatorOptions();
        loggerFactory ??= NullLoggerFactory.Instance;
        Store = new EmulatorStore(timeProvider ?? TimeProvider.System);
        BuiltInEndpoints.Map(this, _endpoints);
        _pipeline = new EmulatorPipeline(_endpoints, new EmulatorFrontDoor(this, loggerFactory.CreateLogger<LinodeEmulator>()), loggerFactory);
    }

    /// <summary>The settings. They may be changed between requests.</summary>
    public LinodeEmulatorOptions Options { get; }

    /// <summary>Faults armed per endpoint.</summary>
    public LinodeEmulatorFaults Faults { get; } = new();

    /// <summary>The requests recorded so far (the last <see cref="LinodeEmulatorOptions.RecordedRequestLimit"/>), oldest first.</summary>
    public IReadOnlyList<LinodeEmulatorRequest> Requests
    {
        get
        {
            lock (_lock)
            {
                return _requests.ToArray();
            }
        }
    }

    /// <summary>Every token issued so far, oldest first.</summary>
    public IReadOnlyList<LinodeEmulatorToken> Tokens => Store.Tokens;

    internal EmulatorStore Store { get; }

    /// <summary>How many requests reached the endpoint named <paramref name="endpointName"/> (a
    /// <see cref="LinodeEmulatorEndpoint"/> name, or one given to <see cref="MapApi"/>), counted even when
    /// <see cref="LinodeEmulatorOptions.RecordRequests"/> is off.</summary>
    /// <param name="endpointName">The endpoint's name.</param>
    /// <returns>The count.</returns>
    public long RequestCount(string endpointName) => _counts.TryGetValue(endpointName, out var count) ? Interlocked.Read(ref count.Value) : 0;

    /// <summary>The requests received at the endpoint named <paramref name="endpointName"/>.</summary>
    /// <param name="endpointName">The endpoint's name.</param>
    /// <returns>The requests, oldest first.</returns>
    public IReadOnlyList<LinodeEmulatorRequest> RequestsTo(string endpointName) =>
        Requests.Where(request => string.Equals(request.Endpoint, endpointName, StringComparison.Ordinal)).ToArray();

    /// <summary>The token record behind an access or refresh token value, or null.</summary>
    /// <param name="token">The access or refresh token.</param>
    /// <returns>The record.</returns>
    internal LinodeEmulatorToken? FindToken(string token) => Store.Find(token);

    /// <summary>Whether an access token is currently accepted by the API (known, not revoked, not expired).</summary>
    /// <param name="accessToken">The access token.</param>
    /// <returns><see langword="true"/> when the API would accept it.</returns>
    public bool IsAccessTokenActive(string accessToken) => Store.FindActive(accessToken) is not null;

    /// <summary>The scopes <paramref name="username"/> has granted <paramref name="clientId"/>, accumulated over consents.</summary>
    /// <param name="clientId">The client.</param>
    /// <param name="username">The user.</param>
    /// <returns>The scopes.</returns>
    public IReadOnlyList<string> GetConsentedScopes(string clientId, string username) =>
        FindUser(username) is { } user ? Store.ConsentOf(clientId, user.Uid) : [];

    /// <summary>Issues an access token directly, without the browser flow, for API tests.</summary>
    /// <param name="username">A seeded user.</param>
    /// <param name="scopes">The scopes to grant.</param>
    /// <param name="clientId">The client; the first registered one by default.</param>
    /// <returns>The token record.</returns>
    public LinodeEmulatorToken IssueAccessToken(string username, IEnumerable<string> scopes, string? clientId = null)
    {
        var user = FindUser(username) ?? throw new ArgumentException($"No seeded user '{username}'.", nameof(username));
        var client = FindClient(clientId ?? Options.Clients[0].ClientId) ?? throw new ArgumentException($"No client '{clientId}'.", nameof(clientId));
        return Store.IssueToken(client, user, scopes.ToArray(), Options.AccessTokenLifetime, "direct", withRefreshToken: !client.IsPublic);
    }

    /// <summary>
    /// Serves <paramref name="method"/> requests to <paramref name="pattern"/> with <paramref name="handler"/>, behind the
    /// emulator's token and scope checks, faults, counts and request records, like the built-in API endpoints (which are
    /// added this way). Mapping a method of a built-in endpoint's pattern replaces its handler.
    /// <code>
    /// emulator.MapApi("Domains", HttpMethods.Get, "/v4/domains", "domains:read_only",
    ///     call => call.Page([new { id = 1, domain = "example.org", type = "master" }]));
    /// </code>
    /// </summary>
    /// <param name="name">The endpoint's name, for <see cref="LinodeEmulatorFaults.Add"/>,
    /// <see cref="RequestCount"/> and <see cref="RequestsTo"/>; one name per pattern.</param>
    /// <param name="method">The HTTP method, e.g. <see cref="HttpMethods.Get"/>; any other method on the pattern is 405.</param>
    /// <param name="pattern">A route pattern under <c>/v4/</c>, e.g. <c>/v4/domains/{id:long}</c>.</param>
    /// <param name="requiredScope">The scope the token must hold, e.g. <c>domains:read_only</c> (a <c>read_write</c> grant or
    /// <c>*</c> holds it too); null accepts any active token. A missing or dead token is 401 <c>Invalid Token</c>, a token
    /// without the scope 401 with Linode's reason.</param>
    /// <param name="handler">Answers an accepted call; see the helpers on <see cref="LinodeEmulatorApiCall"/>.</param>
    public void MapApi(string name, string method, string pattern, string? requiredScope, Func<LinodeEmulatorApiCall, IResult> handler) =>
        Map(name, method, pattern, ApiAccess.Token(requiredScope), handler);

    /// <summary>Serves <paramref name="method"/> requests to <paramref name="pattern"/> without a token (a token sent is not
    /// checked), like Linode's public catalogue (<c>/v4/regions</c>); otherwise as <see cref="MapApi"/>.</summary>
    /// <param name="name">The endpoint's name.</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="pattern">A route pattern under <c>/v4/</c>.</param>
    /// <param name="handler">Answers the call.</param>
    public void MapPublicApi(string name, string method, string pattern, Func<LinodeEmulatorApiCall, IResult> handler) =>
        Map(name, method, pattern, ApiAccess.Public, handler);

    /// <summary>Serves one request; the path is taken relative to the request's path base.</summary>
    internal Task HandleAsync(HttpContext context) => _pipeline.Handle(context);

    /// <summary>An in-process <see cref="HttpMessageHandler"/> that serves requests to any host with this emulator, without
    /// a socket. Use it as the back-channel handler of the code under test.</summary>
    /// <returns>A new handler; dispose it with the client that owns it.</returns>
    public HttpMessageHandler CreateHttpMessageHandler()
    {
        lock (_lock)
        {
            if (_inProcessServer is null)
            {
                // A TestServer without a generic host (see EmulatorHttpApplication for why).
                var server = new TestServer(new ServiceCollection().BuildServiceProvider());
                ((IServer)server).StartAsync(new EmulatorHttpApplication(this), CancellationToken.None).GetAwaiter().GetResult();
                _inProcessServer = server;
            }

            return _inProcessServer.CreateHandler();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _inProcessServer?.Dispose();
        _pipeline.Dispose();
        _endpoints.Dispose();
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    internal LinodeEmulatorClient? FindClient(string? clientId) =>
        Options.Clients.FirstOrDefault(client => string.Equals(client.ClientId, clientId, StringComparison.Ordinal));

    internal LinodeEmulatorUser? FindUser(string? username) =>
        Options.Users.FirstOrDefault(user => string.Equals(user.Username, username, StringComparison.Ordinal));

    internal void CountRequest(string endpointName) => Interlocked.Increment(ref _counts.GetOrAdd(endpointName, static _ => new StrongBox<long>()).Value);

    internal void Record(LinodeEmulatorRequest record)
    {
        lock (_lock)
        {
            _requests.Enqueue(record);
            while (_requests.Count > Math.Max(Options.RecordedRequestLimit, 0))
            {
                _requests.Dequeue();
            }
        }
    }

    private void Map(string name, string method, string pattern, ApiAccess access, Func<LinodeEmulatorApiCall, IResult> handler)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        ArgumentNullException.ThrowIfNull(handler);
        if (pattern is null || !pattern.StartsWith("/v4/", StringComparison.Ordinal))
        {
            throw new ArgumentException($"An API endpoint's pattern starts with /v4/ (got '{pattern}').", nameof(pattern));
        }

        lock (_lock)
        {
            if (!_apiRoutes.TryGetValue(pattern, out var api))
            {
                api = new ApiRoute(this, new EmulatorRoute(name));
                _apiRoutes[pattern] = api;
                _endpoints.Map(api.Route, pattern, api.HandleAsync);
            }
            else if (!string.Equals(api.Route.Name, name, StringComparison.Ordinal))
            {
                throw new ArgumentException($"'{pattern}' is already the endpoint '{api.Route.Name}': map its other methods under that name.", nameof(name));
            }

            api.Set(method, access, handler);
        }
    }
}
