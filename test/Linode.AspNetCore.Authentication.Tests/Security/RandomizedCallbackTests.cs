using System.Net;
using CsCheck;
using Linode.AspNetCore.Authentication.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace Linode.AspNetCore.Authentication.Tests.Security;

/// <summary>
/// Generated callbacks to <c>/signin-linode</c> (CsCheck): random, huge, encoded and duplicated <c>code</c>, <c>state</c>
/// and <c>error</c>; tampered, foreign and missing states; kept, missing and forged correlation cookies; odd methods; and
/// real flows mixed in. Every answer must be non-5xx, sign a user in exactly when the flow was valid, and never reflect an
/// injected value unescaped. The seed is fixed for CI (set <c>LINODE_CALLBACK_SEED</c> to try others); a failure prints
/// the seed and the shrunk case that reproduce it.
/// </summary>
public sealed class RandomizedCallbackTests
{
    /// <summary>How many callbacks one run sends (one generated sample of this many cases).</summary>
    public const int Callbacks = 2000;

    private const string FixedSeed = "0N0XIzNsQ0O2";
    private const string AuthCookie = ".AspNetCore.Cookies";

    private static readonly string[] Methods = ["GET", "GET", "GET", "POST", "HEAD", "PUT", "DELETE", "OPTIONS", "PATCH"];

    private static readonly Gen<string> Text = Gen.OneOf(
        Gen.String,
        Gen.Char["abcdef0123456789"].Array[0, 64].Select(chars => new string(chars)),
        Gen.Char["<>\"'&%;=?#/\\ \t\r\n\0\u007fé€😀"].Array[1, 24].Select(chars => new string(chars)),
        Gen.Const("<script>alert(1)</script>"),
        Gen.Const("\"><img src=x onerror=alert(1)>"),
        Gen.Const("access_denied"),
        Gen.Const("%3Cscript%3E"),
        Gen.Int[1, 20_000].Select(length => new string('x', length)));

    private static readonly Gen<CallbackCase> Cases =
        from method in Gen.OneOf(Methods)
        from state in Gen.Enum<StateKind>()
        from code in Gen.Enum<CodeKind>()
        from cookie in Gen.Enum<CookieKind>()
        from error in Gen.Frequency((3, Gen.Const((string?)null)), (1, Text.Select(value => (string?)value)))
        from noise in Text
        from duplicate in Gen.Frequency((5, Gen.Const(false)), (1, Gen.Const(true)))
        select new CallbackCase(method, state, code, cookie, error, noise, duplicate);

    public enum StateKind
    {
        Valid,
        Tampered,
        Foreign,
        Random,
        Missing,
        Huge,
    }

    public enum CodeKind
    {
        Valid,
        Random,
        Missing,
        Huge,
        Replayed,
    }

    public enum CookieKind
    {
        Kept,
        Missing,
        Forged,
    }

    [Fact]
    public async Task Generated_callbacks_never_fail_open_never_5xx_and_never_reflect_input()
    {
        await using var host = await LinodeTestHost.StartAsync();
        var seed = Environment.GetEnvironmentVariable("LINODE_CALLBACK_SEED") is { Length: > 0 } chosen ? chosen : FixedSeed;
        var sent = 0;
        var signedIn = 0;

        // One sample of 2,000 cases: the whole run follows from the seed, so CI sees the same callbacks every time.
        await Cases.Array[Callbacks].SampleAsync(
            async cases =>
            {
                foreach (var @case in cases)
                {
                    var outcome = await SendAsync(host, @case);
                    sent++;
                    Assert.True(outcome.Status < 500, $"{@case} answered {outcome.Status}");
                    Assert.True(@case.IsValidFlow == outcome.SignedIn, $"{@case} signed in: {outcome.SignedIn}");
                    if (outcome.SignedIn)
                    {
                        signedIn++;
                    }

                    // Markup characters never occur in the package's pages, so finding an injected value that holds one is a reflection.
                    foreach (var injected in @case.InjectedValues.Where(value => value.IndexOfAny(['<', '>', '"']) >= 0))
                    {
                        Assert.False(outcome.Body.Contains(injected, StringComparison.Ordinal), $"{@case} reflected its input");
                    }
                }
            },
            seed: seed,
            iter: 1,
            threads: 1);

        Assert.Equal(Callbacks, sent);
        Assert.InRange(signedIn, 1, Callbacks - 1);
    }

    private static async Task<Outcome> SendAsync(LinodeTestHost host, CallbackCase @case)
    {
        using var browser = host.CreateBrowser();
        using var challenge = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, LinodeTestHost.AppBase + "/challenge/Linode"));
        var authorize = challenge.Headers.Location!;
        var state = QueryHelpers.ParseQuery(authorize.Query)["state"].ToString();
        string? code = null;
        if (@case.Code is CodeKind.Valid or CodeKind.Replayed)
        {
            using var approved = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, authorize));
            code = QueryHelpers.ParseQuery(approved.Headers.Location!.Query)["code"].ToString();
            if (@case.Code == CodeKind.Replayed)
            {
                using var first = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"{LinodeTestHost.AppBase}/signin-linode?state={Uri.EscapeDataString(state)}&code={code}"));
                using var again = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, LinodeTestHost.AppBase + "/challenge/Linode"));
                state = QueryHelpers.ParseQuery(again.Headers.Location!.Query)["state"].ToString();
                browser.Cookies.Add(new Uri(LinodeTestHost.AppBase), new Cookie(AuthCookie, string.Empty) { Expired = true });
            }
        }

        var query = new List<KeyValuePair<string, string?>>();
        var stateValue = @case.State switch
        {
            StateKind.Valid => state,
            StateKind.Tampered => state[..(state.Length / 2)] + (state[state.Length / 2] == 'A' ? 'B' : 'A') + state[(state.Length / 2 + 1)..],
            StateKind.Foreign => await ForeignStateAsync(host),
            StateKind.Random => @case.Noise,
            StateKind.Huge => state + new string('A', 10_000),
            _ => null,
        };
        if (stateValue is not null)
        {
            query.Add(new("state", stateValue));
            if (@case.Duplicate)
            {
                query.Add(new("state", @case.Noise));
            }
        }

        var codeValue = @case.Code switch
        {
            CodeKind.Valid or CodeKind.Replayed => code,
            CodeKind.Random => @case.Noise,
            CodeKind.Huge => new string('0', 20_000),
            _ => null,
        };
        if (codeValue is not null)
        {
            query.Add(new("code", codeValue));
            if (@case.Duplicate)
            {
                query.Add(new("code", "0123456789abcdef0123"));
            }
        }

        if (@case.Error is not null)
        {
            query.Add(new("error", @case.Error));
            query.Add(new("error_description", @case.Error));
        }

        var request = new HttpRequestMessage(new HttpMethod(@case.Method), QueryHelpers.AddQueryString(LinodeTestHost.AppBase + "/signin-linode", query));
        if (@case.Method is "POST" or "PUT" or "PATCH")
        {
            request.Content = new FormUrlEncodedContent([new("code", @case.Noise), new("state", @case.Noise)]);
        }

        var correlation = browser.Cookies.GetAllCookies().Where(cookie => cookie.Name.StartsWith(".AspNetCore.Correlation.", StringComparison.Ordinal)).ToList();
        switch (@case.Cookie)
        {
            case CookieKind.Missing:
                correlation.ForEach(cookie => cookie.Expired = true);
                break;
            case CookieKind.Forged:
                // The attacker's own correlation cookie: the right shape, another nonce.
                correlation.ForEach(cookie => cookie.Expired = true);
                browser.Cookies.Add(new Uri(LinodeTestHost.AppBase), new Cookie(".AspNetCore.Correlation." + Guid.NewGuid().ToString("N"), "N", "/signin-linode"));
                break;
        }

        using var response = await browser.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var setCookies = response.Headers.NonValidated.TryGetValues("Set-Cookie", out var values) ? values.ToArray() : [];
        var signedIn = setCookies.Any(header => header.StartsWith(AuthCookie + "=", StringComparison.Ordinal) && !header.StartsWith(AuthCookie + "=;", StringComparison.Ordinal));
        return new Outcome((int)response.StatusCode, signedIn, body + string.Join('\n', response.Headers.NonValidated.SelectMany(header => header.Value)));
    }

    private static async Task<string> ForeignStateAsync(LinodeTestHost host)
    {
        using var other = host.CreateBrowser();
        using var challenge = await other.SendAsync(new HttpRequestMessage(HttpMethod.Get, LinodeTestHost.AppBase + "/challenge/Linode"));
        return QueryHelpers.ParseQuery(challenge.Headers.Location!.Query)["state"].ToString();
    }

    public sealed record CallbackCase(string Method, StateKind State, CodeKind Code, CookieKind Cookie, string? Error, string Noise, bool Duplicate)
    {
        /// <summary>Only this combination may sign a user in: a GET (Linode's redirect), the browser's own state and
        /// correlation cookie, Linode's code used once, no error, nothing duplicated.</summary>
        public bool IsValidFlow => Method == "GET" && State == StateKind.Valid && Code == CodeKind.Valid && Cookie == CookieKind.Kept && Error is null && !Duplicate;

        public IEnumerable<string> InjectedValues => new[] { Error, Noise }.OfType<string>().Where(value => value.Length > 0);

        public override string ToString() =>
            $"{Method} state={State} code={Code} cookie={Cookie} duplicate={Duplicate} error={(Error is null ? "none" : Error.Length > 40 ? Error[..40] + "…" : Error)}";
    }

    private sealed record Outcome(int Status, bool SignedIn, string Body);
}
