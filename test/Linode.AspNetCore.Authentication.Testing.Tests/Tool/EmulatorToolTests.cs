using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using Linode.AspNetCore.Authentication.Tests.Shared;
using Microsoft.AspNetCore.WebUtilities;

namespace Linode.AspNetCore.Authentication.Testing.Tests.Tool;

/// <summary>The <c>linode-emulator</c> tool as a user runs it: a process, its printed settings, its exit codes.</summary>
public sealed class EmulatorToolTests
{
    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public async Task Help_lists_the_switches_and_the_settings_and_exits_0(string help)
    {
        await using var tool = await EmulatorToolProcess.RunAsync(help);

        Assert.Equal(0, tool.ExitCode);
        foreach (var expected in new[] { "--port", "--consent", "--token-lifetime", "--client-id", "--client-secret", "--redirect-uri", "--scheme", "--config", "Clients:<n>:RedirectUri", "Users:<n>:Username", "/_emulator/health" })
        {
            Assert.Contains(expected, tool.Output, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("listening", tool.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--prot", "5070" }, "unknown option '--prot'")]
    [InlineData(new[] { "--port", "http" }, "'LinodeEmulator:Port' must be a port from 0 to 65535; it is 'http'")]
    [InlineData(new[] { "--port", "70000" }, "'LinodeEmulator:Port' must be a port from 0 to 65535")]
    [InlineData(new[] { "--consent", "Maybe" }, "'LinodeEmulator:ConsentMode' must be Interactive, AutoApprove or AutoDeny; it is 'Maybe'")]
    [InlineData(new[] { "--consent", "7" }, "'LinodeEmulator:ConsentMode' must be Interactive, AutoApprove or AutoDeny")]
    [InlineData(new[] { "--token-lifetime", "-00:01:00" }, "'LinodeEmulator:AccessTokenLifetime' must be a positive time")]
    [InlineData(new[] { "--client-id", "web" }, "'LinodeEmulator:Clients:0:ClientSecret' is required")]
    [InlineData(new[] { "--client-id", "web", "--client-secret", "s", "--redirect-uri", "/signin-linode" }, "'LinodeEmulator:Clients:0:RedirectUri' must be an absolute http(s) URL")]
    [InlineData(new[] { "--LinodeEmulator:Users:0:Email", "a@example.com" }, "'LinodeEmulator:Users:0:Username' is required")]
    [InlineData(new[] { "--config", "/nonexistent/emulator.json" }, "/nonexistent/emulator.json")]
    [InlineData(new[] { "--port", "0", "--run" }, "--run needs a command, e.g. --run dotnet run.")]
    public async Task A_setting_it_cannot_use_is_named_and_it_exits_2_without_listening(string[] arguments, string message)
    {
        await using var tool = await EmulatorToolProcess.RunAsync(arguments);

        Assert.Equal(2, tool.ExitCode);
        Assert.Contains(message, tool.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", tool.Errors, StringComparison.Ordinal);
        Assert.Equal(string.Empty, tool.Output);
    }

    [Fact]
    public async Task A_port_in_use_is_named_with_the_switch_to_change_and_it_exits_1()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        await using var tool = await EmulatorToolProcess.RunAsync("--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(1, tool.ExitCode);
        Assert.Contains($"cannot listen on 127.0.0.1:{port}", tool.Errors, StringComparison.Ordinal);
        Assert.Contains("--port", tool.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", tool.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_app_signs_in_refreshes_and_calls_the_API_with_the_printed_settings_and_Ctrl_C_stops_it()
    {
        var cancel = TestContext.Current.CancellationToken;
        var port = FreeLoopbackPort.Next();
        await using var tool = EmulatorToolProcess.Start(["--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--consent", "AutoApprove"]);
        await tool.WaitUntilListeningAsync();
        Assert.Equal(new Uri($"http://127.0.0.1:{port}/"), tool.Address);

        // What an app needs, read back from what it printed (nothing else is known about the emulator).
        var settings = tool.PrintedEnvironment();
        Assert.Equal(LinodeEmulatorClient.DefaultClientId, settings["Authentication__Schemes__Linode__ClientId"]);
        Assert.Equal($"http://127.0.0.1:{port}/v4/", settings["LinodeApi__BaseAddress"]);
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        Assert.Equal("Healthy", await http.GetStringAsync(new Uri(tool.Address, "_emulator/health"), cancel));

        // The development client accepts a callback on whatever port `dotnet run` picked.
        var callback = $"http://localhost:{FreeLoopbackPort.Next()}/signin-linode";
        using var authorize = await http.GetAsync($"{settings["Authentication__Schemes__Linode__AuthorizationEndpoint"]}?client_id={settings["Authentication__Schemes__Linode__ClientId"]}&response_type=code&redirect_uri={Uri.EscapeDataString(callback)}&scope=linodes:read_only&state=s1", cancel);
        Assert.Equal(HttpStatusCode.Found, authorize.StatusCode);
        Assert.StartsWith(callback + "?", authorize.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
        var code = QueryHelpers.ParseQuery(authorize.Headers.Location.Query)["code"].ToString();

        var tokens = await PostTokenAsync(http, settings, new() { ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = callback }, cancel);
        var refreshed = await PostTokenAsync(http, settings, new() { ["grant_type"] = "refresh_token", ["refresh_token"] = tokens.GetProperty("refresh_token").GetString()! }, cancel);
        using var profile = new HttpRequestMessage(HttpMethod.Get, new Uri(new Uri(settings["LinodeApi__BaseAddress"]), "profile"));
        profile.Headers.Authorization = new AuthenticationHeaderValue("Bearer", refreshed.GetProperty("access_token").GetString());
        using var profileAnswer = await http.SendAsync(profile, cancel);
        Assert.Equal(HttpStatusCode.OK, profileAnswer.StatusCode);
        Assert.Equal("exampleUser", JsonDocument.Parse(await profileAnswer.Content.ReadAsStringAsync(cancel)).RootElement.GetProperty("username").GetString());

        var traffic = JsonDocument.Parse(await http.GetStringAsync(new Uri(tool.Address, "_emulator/traffic"), cancel)).RootElement;
        Assert.Equal(1, traffic.GetProperty("grants").GetProperty("authorization_code").GetInt64());
        Assert.Equal(1, traffic.GetProperty("grants").GetProperty("refresh_token").GetInt64());
        Assert.Equal(2, traffic.GetProperty("requests").GetProperty("POST /oauth/token").GetInt64());
        Assert.Equal(1, traffic.GetProperty("requests").GetProperty("GET /v4/profile").GetInt64());

        tool.Terminate();
        await tool.WaitForExitAsync();
        Assert.Equal(0, tool.ExitCode);
        Assert.EndsWith("linode-emulator: stopped." + Environment.NewLine, tool.Output, StringComparison.Ordinal);

        // Its console shows each request with its grant type, and never a code or token.
        Assert.Contains("POST /oauth/token grant=refresh_token -> 200", tool.Output, StringComparison.Ordinal);
        foreach (var secret in new[] { code, tokens.GetProperty("access_token").GetString()!, tokens.GetProperty("refresh_token").GetString()!, refreshed.GetProperty("access_token").GetString()! })
        {
            Assert.DoesNotContain(secret, tool.Output + tool.Errors, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Clients_and_users_come_from_environment_variables_and_a_json_file_and_replace_the_defaults()
    {
        var cancel = TestContext.Current.CancellationToken;
        var file = Path.Combine(Path.GetTempPath(), $"linode-emulator-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """{ "LinodeEmulator": { "Users": [ { "Uid": 42, "Username": "alice", "Email": "alice@example.com" } ], "ConsentMode": "AutoApprove" } }""", cancel);
        try
        {
            await using var tool = EmulatorToolProcess.Start(
                ["--port", "0", "--config", file, "--scheme", "Work"],
                new Dictionary<string, string>
                {
                    ["LinodeEmulator__Clients__0__ClientId"] = "web",
                    ["LinodeEmulator__Clients__0__ClientSecret"] = "web-secret",
                    ["LinodeEmulator__Clients__0__RedirectUri"] = "http://localhost:5090/signin-linode",
                });
            await tool.WaitUntilListeningAsync();

            Assert.Contains("Users: alice. Consent: AutoApprove.", tool.Output, StringComparison.Ordinal);
            Assert.Contains("Client 'web' (callback http://localhost:5090/signin-linode)", tool.Output, StringComparison.Ordinal);
            Assert.DoesNotContain(LinodeEmulatorClient.DefaultClientId, tool.Output, StringComparison.Ordinal);
            var settings = tool.PrintedEnvironment("web");
            Assert.Equal("web-secret", settings["Authentication__Schemes__Work__ClientSecret"]);

            using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
            using var authorize = await http.GetAsync($"{settings["Authentication__Schemes__Work__AuthorizationEndpoint"]}?client_id=web&response_type=code&redirect_uri={Uri.EscapeDataString("http://localhost:5090/signin-linode")}&scope=account:read_only&state=s1", cancel);
            var code = QueryHelpers.ParseQuery(authorize.Headers.Location!.Query)["code"].ToString();

            var wrongSecret = new Dictionary<string, string>(settings) { ["Authentication__Schemes__Work__ClientSecret"] = "guess" };
            using var refused = await http.PostAsync(settings["Authentication__Schemes__Work__TokenEndpoint"], TokenForm(wrongSecret, "Work", new() { ["grant_type"] = "authorization_code", ["code"] = code }), cancel);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

            using var answer = await http.PostAsync(settings["Authentication__Schemes__Work__TokenEndpoint"], TokenForm(settings, "Work", new() { ["grant_type"] = "authorization_code", ["code"] = code }), cancel);
            var token = JsonDocument.Parse(await answer.Content.ReadAsStringAsync(cancel)).RootElement.GetProperty("access_token").GetString();
            using var profile = new HttpRequestMessage(HttpMethod.Get, settings["Authentication__Schemes__Work__UserInformationEndpoint"]);
            profile.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var profileAnswer = await http.SendAsync(profile, cancel);
            var user = JsonDocument.Parse(await profileAnswer.Content.ReadAsStringAsync(cancel)).RootElement;
            Assert.Equal(("alice", 42), (user.GetProperty("username").GetString(), user.GetProperty("uid").GetInt64()));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Run_starts_the_command_with_the_settings_in_its_environment_and_exits_with_its_code()
    {
        // The command stands for `dotnet run` of an app: it reads the settings an app reads, then exits 7.
        await using var tool = await EmulatorToolProcess.RunAsync(
            "--port", "0", "--scheme", "Work", "--run", "sh", "-c",
            "echo \"child: $Authentication__Schemes__Work__ClientId $ASPNETCORE_ENVIRONMENT $Authentication__Schemes__Work__TokenEndpoint $LinodeApi__BaseAddress\"; exit 7");

        Assert.Equal(7, tool.ExitCode);
        Assert.Contains($"child: {LinodeEmulatorClient.DefaultClientId} Development {tool.Address}oauth/token {tool.Address}v4/", tool.Output, StringComparison.Ordinal);
        Assert.EndsWith("linode-emulator: stopped." + Environment.NewLine, tool.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_with_a_command_that_does_not_exist_says_so_and_exits_127()
    {
        await using var tool = await EmulatorToolProcess.RunAsync("--port", "0", "--run", "no-such-command-here", "--flag");

        Assert.Equal(127, tool.ExitCode);
        Assert.Contains("linode-emulator: cannot run 'no-such-command-here'", tool.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", tool.Errors, StringComparison.Ordinal);
    }

    private static async Task<JsonElement> PostTokenAsync(HttpClient http, IReadOnlyDictionary<string, string> settings, Dictionary<string, string> form, CancellationToken cancel)
    {
        using var answer = await http.PostAsync(settings["Authentication__Schemes__Linode__TokenEndpoint"], TokenForm(settings, "Linode", form), cancel);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        return JsonDocument.Parse(await answer.Content.ReadAsStringAsync(cancel)).RootElement.Clone();
    }

    private static FormUrlEncodedContent TokenForm(IReadOnlyDictionary<string, string> settings, string scheme, Dictionary<string, string> form)
    {
        form["client_id"] = settings[$"Authentication__Schemes__{scheme}__ClientId"];
        form["client_secret"] = settings[$"Authentication__Schemes__{scheme}__ClientSecret"];
        return new FormUrlEncodedContent(form);
    }
}
