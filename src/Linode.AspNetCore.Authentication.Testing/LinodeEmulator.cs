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
/// once; they share its state.
/// </summary>
public sealed class LinodeEmulator : IAsyncDisposable, IDisposable
{
    private readonly Lock _lock = new();
    private readonly Queue<LinodeEmulatorRequest> _requests = new();
    private readonly ILogger _logger;
    private readonly long[] _counts = new long[Enum.GetValues<LinodeEmulatorEndpoint>().Length];
    private readonly AuthorizeEndpoint _authorize;
    private readonly TokenEndpoint _token;
    private readonly RevokeEndpoint _revoke;
    private readonly ApiEndpoints _api;
    private readonly InstanceEndpoints _instances;
    private readonly CatalogEndpoints _catalog;
    private TestServer? _inProcessServer;

    /// <summary>Creates an emulator.</summary>
    /// <param name="options">Its settings; defaults seed one client and two users.</param>
    /// <param name="timeProvider">The clock for token and code expiry; <see cref="TimeProvider.System"/> by default.</param>
    /// <param name="loggerFactory">Where the emulator logs what it refused (malformed forms); nowhere by default.</param>
    public LinodeEmulator(LinodeEmulatorOptions? options = null, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null)
    {
        Options = options ?? new LinodeEmulatorOptions();
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<LinodeEmulator>();
        Store = new EmulatorStore(timeProvider ?? TimeProvider.System);
        _authorize = new AuthorizeEndpoint(this);
        _token = new TokenEndpoint(this);
        _revoke = new RevokeEndpoint(this);
        _api = new ApiEndpoints(this);
        _instances = new InstanceEndpoints(this);
        _catalog = new CatalogEndpoints(this);
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

    /// <summary>How many requests reached <paramref name="endpoint"/>, counted even when <see cref="LinodeEmulatorOptions.RecordRequests"/> is off.</summary>
    /// <param name="endpoint">The endpoint.</param>
    /// <returns>The count.</returns>
    public long RequestCount(LinodeEmulatorEndpoint endpoint) => Interlocked.Read(ref _counts[(int)endpoint]);

    /// <summary>The requests received at one endpoint.</summary>
    /// <param name="endpoint">The endpoint.</param>
    /// <returns>The requests, oldest first.</returns>
    public IReadOnlyList<LinodeEmulatorRequest> RequestsTo(LinodeEmulatorEndpoint endpoint) => Requests.Where(request => request.Endpoint == endpoint).ToArray();

    /// <summary>The token record behind an access or refresh token value, or null.</summary>
    /// <param name="token">The access or refresh token.</param>
    /// <returns>The record.</returns>
    public LinodeEmulatorToken? FindToken(string token) => Store.Find(token);

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

    /// <summary>Serves one request; the path is taken relative to the request's path base.</summary>
    /// <param name="context">The HTTP context.</param>
    /// <returns>A task.</returns>
    public async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var endpoint = Classify(context.Request.Path, out var id);
        Interlocked.Increment(ref _counts[(int)endpoint]);
        IFormCollection form;
        try
        {
            form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted) : FormCollection.Empty;
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException && !context.RequestAborted.IsCancellationRequested)
        {
            EmulatorLog.MalformedForm(_logger, context.Request.Method, context.Request.Path.Value ?? string.Empty, exception.Message);
            await EmulatorResponses.OAuthErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_request", "The form could not be read: " + exception.Message);
            return;
        }

        var body = await ReadJsonBodyAsync(context.Request);
        if (Options.RecordRequests)
        {
            Record(endpoint, context.Request, form, body);
        }

        if (Faults.Take(endpoint) is { } fault)
        {
            if (fault.Delay > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(fault.Delay, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    // The client gave up (its timeout): never answer, as a server that hung would not.
                    context.Abort();
                    return;
                }
            }

            if (fault.StatusCode is { } status)
            {
                foreach (var (name, value) in fault.Headers)
                {
                    context.Response.Headers[name] = value;
                }

                context.Response.StatusCode = status;
                context.Response.ContentType = fault.ContentType;
                await context.Response.WriteAsync(fault.Body, context.RequestAborted);
                return;
            }
        }

        switch (endpoint)
        {
            case LinodeEmulatorEndpoint.Authorize:
                await _authorize.HandleAsync(context);
                break;
            case LinodeEmulatorEndpoint.Token:
                await _token.HandleAsync(context, form);
                break;
            case LinodeEmulatorEndpoint.Revoke:
                await _revoke.HandleAsync(context, form);
                break;
            case LinodeEmulatorEndpoint.Logout:
                await EmulatorResponses.HtmlAsync(context, StatusCodes.Status200OK, "<!doctype html><title>Logged out</title><p>You are logged out of the Linode emulator.</p>");
                break;
            case LinodeEmulatorEndpoint.Profile:
                await _api.ProfileAsync(context);
                break;
            case LinodeEmulatorEndpoint.Account:
                await _api.AccountAsync(context);
                break;
            case LinodeEmulatorEndpoint.LinodeInstances when HttpMethods.IsPost(context.Request.Method):
                await _instances.CreateAsync(context, body);
                break;
            case LinodeEmulatorEndpoint.LinodeInstances:
                await _api.InstancesAsync(context);
                break;
            case LinodeEmulatorEndpoint.LinodeInstance:
                await _instances.ReadOrDeleteAsync(context, id);
                break;
            case LinodeEmulatorEndpoint.Regions:
                await _catalog.RegionsAsync(context);
                break;
            case LinodeEmulatorEndpoint.LinodeTypes:
                await _catalog.PlansAsync(context);
                break;
            case LinodeEmulatorEndpoint.StackScript:
                await _catalog.StackScriptAsync(context, id);
                break;
            default:
                await EmulatorResponses.ApiErrorAsync(context, StatusCodes.Status404NotFound, "Not found");
                break;
        }
    }

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
    public void Dispose() => _inProcessServer?.Dispose();

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    internal LinodeEmulatorClient? FindClient(string? clientId) =>
        clientId is null ? null : Options.Clients.FirstOrDefault(client => string.Equals(client.ClientId, clientId, StringComparison.Ordinal));

    internal LinodeEmulatorUser? FindUser(string? username) =>
        username is null ? null : Options.Users.FirstOrDefault(user => string.Equals(user.Username, username, StringComparison.Ordinal));

    private static LinodeEmulatorEndpoint Classify(PathString path, out long id)
    {
        id = 0;
        var value = path.Value ?? string.Empty;
        return value switch
        {
            "/oauth/authorize" => LinodeEmulatorEndpoint.Authorize,
            "/oauth/token" => LinodeEmulatorEndpoint.Token,
            "/oauth/revoke" or "/oauth/token/expire" => LinodeEmulatorEndpoint.Revoke,
            "/logout" => LinodeEmulatorEndpoint.Logout,
            "/v4/profile" => LinodeEmulatorEndpoint.Profile,
            "/v4/account" => LinodeEmulatorEndpoint.Account,
            "/v4/linode/instances" => LinodeEmulatorEndpoint.LinodeInstances,
            "/v4/regions" => LinodeEmulatorEndpoint.Regions,
            "/v4/linode/types" => LinodeEmulatorEndpoint.LinodeTypes,
            _ when TrailingId(value, "/v4/linode/instances/", out id) => LinodeEmulatorEndpoint.LinodeInstance,
            _ when TrailingId(value, "/v4/linode/stackscripts/", out id) => LinodeEmulatorEndpoint.StackScript,
            _ => LinodeEmulatorEndpoint.Unknown,
        };
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="prefix"/> followed by a positive id and nothing else.</summary>
    private static bool TrailingId(string path, string prefix, out long id)
    {
        id = 0;
        return path.StartsWith(prefix, StringComparison.Ordinal)
            && long.TryParse(path.AsSpan(prefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out id)
            && id > 0;
    }

    /// <summary>The body of a JSON request (the API's POSTs), at most 1 MiB; null for any other request.</summary>
    private static async Task<string?> ReadJsonBodyAsync(HttpRequest request)
    {
        if (request.ContentType is not { } contentType || !contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var buffer = new char[1024 * 1024];
        using var reader = new StreamReader(request.Body, System.Text.Encoding.UTF8);
        var read = await reader.ReadBlockAsync(buffer, request.HttpContext.RequestAborted);
        return new string(buffer, 0, read);
    }

    private void Record(LinodeEmulatorEndpoint endpoint, HttpRequest request, IFormCollection form, string? body)
    {
        var record = new LinodeEmulatorRequest(
            endpoint,
            request.Method,
            request.Path.Value ?? string.Empty,
            request.QueryString.Value ?? string.Empty,
            request.Query.ToDictionary(pair => pair.Key, pair => pair.Value.ToString(), StringComparer.Ordinal),
            request.Headers.ToDictionary(pair => pair.Key, pair => pair.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            form.ToDictionary(pair => pair.Key, pair => pair.Value.ToString(), StringComparer.Ordinal),
            request.ContentType)
        {
            Body = body,
        };
        lock (_lock)
        {
            _requests.Enqueue(record);
            while (_requests.Count > Math.Max(Options.RecordedRequestLimit, 0))
            {
                _requests.Dequeue();
            }
        }
    }
}
