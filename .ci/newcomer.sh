#!/usr/bin/env bash
# The newcomer test: pack both packages into a local feed, create an app from `dotnet new web` in a temp directory, add
# the package from that feed, apply the quick start exactly as src/Linode.AspNetCore.Authentication/PACKAGE.md shows it,
# add a test project with the test src/Linode.AspNetCore.Authentication.Testing/PACKAGE.md shows, and run it: a sign-in
# through the emulator reaches the protected page; then the same for a `dotnet new blazor` app with the Blazor registration;
# then the linode-emulator tool from the feed (dotnet tool exec), and an Aspire app host written by hand with the hosting
# package's snippet, run until a curl-driven sign-in through the emulator resource reaches the web app's page.
# Any compile error or undocumented step fails this script.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$root/Directory.Build.props")
# A version of its own per run: NuGet's global packages folder caches a package by id and version, and would otherwise
# hand this test the package an earlier run packed from older sources.
version="$version-newcomer.$(date +%Y%m%d%H%M%S)"

# The C# block that follows '<!-- snippet: NAME -->' in a Markdown file (indented inside a list item, or not).
snippet() {
  awk -v name="$2" '{line = $0; sub(/^ +/, "", line)}
    line == "<!-- snippet: " name " -->" {found = 1; next}
    found && !inside && line ~ /^```csharp/ {inside = 1; indent = index($0, "`") - 1; next}
    inside && line ~ /^```/ {exit}
    inside {print substr($0, indent + 1)}' "$1"
}

# The Markdown of $1 outside fenced code blocks and inline code spans: where nuget.org would meet raw HTML.
prose() { awk '{line = $0; sub(/^ +/, "", line)} line ~ /^```/ {fenced = !fenced; next} !fenced {gsub(/`[^`]*`/, ""); print}' <<<"$1"; }

# Fails unless the README packed in $1 (named $2 in the message) holds no raw HTML: nuget.org renders READMEs with it off.
no_raw_html() {
  local html
  html=$(prose "$(unzip -p "$1" README.md)" | grep -nE '<[A-Za-z!/]' || true)
  [ -z "$html" ] || { echo "newcomer: $2's packed README holds raw HTML:" >&2; echo "$html" >&2; exit 1; }
}

dotnet pack "$root/src/Linode.AspNetCore.Authentication" -c Release -o "$work/feed" -p:Version="$version" --nologo -v q
dotnet pack "$root/src/Linode.AspNetCore.Authentication.Testing" -c Release -o "$work/feed" -p:Version="$version" --nologo -v q
dotnet pack "$root/src/Linode.AspNetCore.Authentication.StackExchangeRedis" -c Release -o "$work/feed" -p:Version="$version" --nologo -v q
dotnet pack "$root/src/Linode.AspNetCore.Authentication.EmulatorTool" -c Release -o "$work/feed" -p:Version="$version" --nologo -v q
dotnet pack "$root/src/Linode.AspNetCore.Authentication.Aspire.Hosting" -c Release -o "$work/feed" -p:Version="$version" --nologo -v q
dotnet pack "$root/src/Linode.AspNetCore.Authentication.Templates" -c Release -o "$work/feed" -p:Version="$version" --nologo -v q

# What the packages hold: metadata, README, icon, XML docs, symbols; the emulator never depends on the handler package.
for id in Linode.AspNetCore.Authentication Linode.AspNetCore.Authentication.Testing Linode.AspNetCore.Authentication.StackExchangeRedis Linode.AspNetCore.Authentication.Aspire.Hosting; do
  nupkg="$work/feed/$id.$version.nupkg"
  nuspec=$(unzip -p "$nupkg" "$id.nuspec")
  files=$(unzip -Z1 "$nupkg")
  framework='frameworkReference name="Microsoft.AspNetCore.App"'
  [ "$id" != Linode.AspNetCore.Authentication.Aspire.Hosting ] || framework='dependency id="Aspire.Hosting"'
  for expected in "<id>$id</id>" "<version>$version</version>" '<license type="expression">MIT</license>' '<readme>README.md</readme>' \
                  '<icon>icon.png</icon>' '<description>' '<releaseNotes>' '<copyright>' "$framework"; do
    grep -qF "$expected" <<<"$nuspec" || { echo "newcomer: $id.nuspec lacks $expected" >&2; exit 1; }
  done
  for expected in README.md icon.png "lib/net10.0/$id.dll" "lib/net10.0/$id.xml"; do
    grep -qxF "$expected" <<<"$files" || { echo "newcomer: $id.nupkg lacks $expected" >&2; exit 1; }
  done
  # The snippet markers (HTML comments) are stripped when packing.
  no_raw_html "$nupkg" "$id"
  # Captured first, never piped into `grep -q`: under pipefail, grep's early exit can kill unzip with SIGPIPE (exit 141).
  symbols=$(unzip -Z1 "$work/feed/$id.$version.snupkg")
  grep -qxF "lib/net10.0/$id.pdb" <<<"$symbols" || { echo "newcomer: $id.snupkg lacks the PDB" >&2; exit 1; }
  # A CI pack is deterministic (ContinuousIntegrationBuild): every path the PDB and the DLL's debug entry record starts
  # with /_/ (SourceLink's root), never with the clone's folder; read with System.Reflection.Metadata (.ci/pdb-paths.cs).
  if [ "${CI:-}" = true ]; then
    mkdir -p "$work/pdb/$id"
    unzip -q -o "$work/feed/$id.$version.snupkg" "lib/net10.0/$id.pdb" -d "$work/pdb/$id"
    unzip -q -o "$nupkg" "lib/net10.0/$id.dll" -d "$work/pdb/$id"
    recorded=$(dotnet run "$root/.ci/pdb-paths.cs" -- "$work/pdb/$id/lib/net10.0/$id.dll" "$work/pdb/$id/lib/net10.0/$id.pdb")
    [ -n "$recorded" ] || { echo "newcomer: no path read from $id's PDB" >&2; exit 1; }
    local_paths=$(grep -v '^/_/' <<<"$recorded" || true)
    [ -z "$local_paths" ] || { echo "newcomer: $id's PDB names local paths:" >&2; echo "$local_paths" | head -5 >&2; exit 1; }
  fi
done
testing_nuspec=$(unzip -p "$work/feed/Linode.AspNetCore.Authentication.Testing.$version.nupkg" Linode.AspNetCore.Authentication.Testing.nuspec)
grep -qF 'dependency id="Microsoft.AspNetCore.TestHost"' <<<"$testing_nuspec" || { echo "newcomer: the Testing package lacks its TestHost dependency" >&2; exit 1; }
if grep -qF 'dependency id="Linode.AspNetCore.Authentication"' <<<"$testing_nuspec"; then
  echo "newcomer: the emulator package must not depend on the handler package" >&2; exit 1
fi
# Links from a package page into the repository become absolute once the repository is known (the pack takes it from
# git's http(s) origin; a clone of a local folder has none, so it is given here).
dotnet pack "$root/src/Linode.AspNetCore.Authentication.StackExchangeRedis" -c Release -o "$work/linked" -p:Version="$version" \
  -p:PackageProjectUrl=https://github.com/example/linode-aspnetcore --nologo -v q
linked=$(unzip -p "$work/linked/Linode.AspNetCore.Authentication.StackExchangeRedis.$version.nupkg" README.md)
grep -qF '](https://github.com/example/linode-aspnetcore/blob/HEAD/README.md#running-more-than-one-instance)' <<<"$linked" \
  || { echo "newcomer: the Redis package's link to the README's scale-out section is not absolute" >&2; exit 1; }

# The tool package: a .NET tool named linode-emulator, with its README; it runs with `dotnet tool exec` from the feed.
tool_nupkg="$work/feed/Linode.AspNetCore.Authentication.EmulatorTool.$version.nupkg"
tool_nuspec=$(unzip -p "$tool_nupkg" Linode.AspNetCore.Authentication.EmulatorTool.nuspec)
tool_files=$(unzip -Z1 "$tool_nupkg")
grep -qF '<packageType name="DotnetTool"' <<<"$tool_nuspec" || { echo "newcomer: the emulator tool package is not a .NET tool" >&2; exit 1; }
grep -qF 'Command Name="linode-emulator"' <<<"$(unzip -p "$tool_nupkg" tools/net10.0/any/DotnetToolSettings.xml)" || { echo "newcomer: the tool's command is not linode-emulator" >&2; exit 1; }
grep -qxF README.md <<<"$tool_files" || { echo "newcomer: the tool package has no README" >&2; exit 1; }
no_raw_html "$tool_nupkg" "the tool"
redis_nuspec=$(unzip -p "$work/feed/Linode.AspNetCore.Authentication.StackExchangeRedis.$version.nupkg" Linode.AspNetCore.Authentication.StackExchangeRedis.nuspec)
for dependency in "Linode.AspNetCore.Authentication\" version=\"$version" StackExchange.Redis Microsoft.AspNetCore.DataProtection.StackExchangeRedis Microsoft.Extensions.Caching.StackExchangeRedis; do
  grep -qF "dependency id=\"$dependency" <<<"$redis_nuspec" || { echo "newcomer: the Redis package lacks its $dependency dependency" >&2; exit 1; }
done

. "$root/.ci/curl-browser.sh"

# A test project for app $1, as the Testing package's page says: a classlib with the packages its csproj lines name (the
# Testing package at this run's version, from the feed) and a reference to the app.
test_project() {
  dotnet new classlib -o "$1.Tests" --framework net10.0 > /dev/null
  rm "$1.Tests/Class1.cs"
  local packages package
  packages=$(sed -n 's|^  <PackageReference Include="\([^"]*\)" Version="\([^"]*\)" />$|\1@\2|p' "$root/src/Linode.AspNetCore.Authentication.Testing/PACKAGE.md")
  [ "$(wc -l <<<"$packages")" = 5 ] || { echo "newcomer: the Testing page's csproj lines are not the five packages expected" >&2; exit 1; }
  for package in $packages; do
    [ "${package%@*}" != Linode.AspNetCore.Authentication.Testing ] || package="Linode.AspNetCore.Authentication.Testing@$version"
    dotnet add "$1.Tests" package "${package%@*}" --version "${package#*@}" > /dev/null
  done
  dotnet add "$1.Tests" reference "$1/$1.csproj" > /dev/null
}

cd "$work"
printf '{ "sdk": { "version": "10.0.400", "rollForward": "latestFeature" } }\n' > global.json
dotnet new nugetconfig --force > /dev/null
dotnet nuget add source "$work/feed" --name local --configfile nuget.config > /dev/null

dotnet new web -o NewApp --framework net10.0 > /dev/null
dotnet add NewApp package Linode.AspNetCore.Authentication --version "$version" > /dev/null
# The usings the quick start lists, then its code.
{ sed -n 's/^   using \(.*\);$/using \1;/p' "$root/src/Linode.AspNetCore.Authentication/PACKAGE.md"; snippet "$root/src/Linode.AspNetCore.Authentication/PACKAGE.md" quick-start; } > NewApp/Program.cs

test_project NewApp
# The Testing page's test as it is (it signs in at /signin, which the quick-start app serves too).
{
  sed -n 's/^using \(.*\);$/using \1;/p' "$root/src/Linode.AspNetCore.Authentication.Testing/PACKAGE.md"
  echo 'namespace NewApp.Tests;'
  echo 'public sealed class SignInTests'
  echo '{'
  snippet "$root/src/Linode.AspNetCore.Authentication.Testing/PACKAGE.md" testing-quick-start
  # And the quick start's sign-out: the session ends and the token is revoked at the emulator.
  cat <<'CS'
    [Fact]
    public async Task Signing_out_ends_the_session_and_revokes_the_token()
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var server = await LinodeEmulatorServer.StartAsync(new LinodeEmulator(), cancellationToken: cancel);
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder => builder.UseLinodeEmulator(server));
        using var browser = new LinodeTestBrowser(factory.Server.CreateHandler(), factory.Server.BaseAddress, server);
        string html;
        using (var signedIn = await browser.SignInWithLinodeAsync("/signin", cancellationToken: cancel))
        {
            html = await signedIn.Content.ReadAsStringAsync(cancel);
            Assert.Contains("<p>Hello exampleUser</p>", html);
        }

        // A sign-out without the page's anti-forgery token (another site's form) is refused, and changes nothing.
        using (var forged = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/signout") { Content = new FormUrlEncodedContent([]) }, cancel))
        {
            Assert.Equal(System.Net.HttpStatusCode.BadRequest, forged.StatusCode);
        }

        Assert.True(server.Emulator.IsAccessTokenActive(server.Emulator.Tokens.Single().AccessToken));

        // The page's own form. One request, not followed: the quick start redirects home, which would start a new sign-in.
        var field = System.Text.RegularExpressions.Regex.Match(html, "<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]+)\">");
        Assert.True(field.Success);
        var form = new FormUrlEncodedContent([KeyValuePair.Create(field.Groups[1].Value, System.Net.WebUtility.HtmlDecode(field.Groups[2].Value))]);
        using (var signedOut = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/signout") { Content = form }, cancel))
        {
            Assert.Equal(System.Net.HttpStatusCode.Redirect, signedOut.StatusCode);
        }

        Assert.False(server.Emulator.IsAccessTokenActive(server.Emulator.Tokens.Single().AccessToken));
        using var again = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/"), cancel);
        Assert.Equal(System.Net.HttpStatusCode.Found, again.StatusCode);
    }
CS
  echo '}'
} > NewApp.Tests/SignInTests.cs

timeout 600 dotnet test NewApp.Tests --nologo 2>&1 | tee "$work/test.log" | tail -n 5
grep -q "Passed!  - Failed:     0, Passed:     2" "$work/test.log"

# Step 0 of the quick start as PACKAGE.md gives it, in the app's folder: the emulator tool (from the feed, through
# nuget.config) runs `dotnet run` with the settings in its environment; a sign-in through its consent page reaches "/".
step0=$(sed -n 's/^dotnet tool exec \(.*\) --yes -- --run dotnet run$/\1/p' "$root/src/Linode.AspNetCore.Authentication/PACKAGE.md")
[ "$step0" = Linode.AspNetCore.Authentication.EmulatorTool ] || { echo "newcomer: PACKAGE.md has no step 0 command" >&2; exit 1; }
app_port=$(http_port NewApp/Properties/launchSettings.json)
(cd NewApp && exec timeout 600 dotnet tool exec "$step0@$version" --yes -- --run dotnet run > "$work/step0.log" 2>&1) &
step0_pid=$!
wait_for_status "http://localhost:$app_port/" 302 || true
curl_sign_in "http://localhost:$app_port"
# The tool runs from NuGet's packages folder; SIGTERM stops it, and it stops the app it ran.
pkill -TERM -f "linode.aspnetcore.authentication.emulatortool/$version/" 2>/dev/null || true
wait "$step0_pid" 2>/dev/null || true
if ! grep -qF '<p>Hello exampleUser</p>' <<<"$page"; then
  echo "newcomer: step 0 (the app run by the emulator tool) ended with '$page'" >&2
  tail -n 40 "$work/step0.log" >&2
  exit 1
fi

# A Blazor Web App from `dotnet new blazor --interactivity Server`: the PACKAGE.md Blazor registration right after the
# builder line (its typed client from the README's API snippet), an [Authorize] page, and a sign-in through the emulator
# that reaches it; the page holds no token.
dotnet new blazor -o NewBlazor --framework net10.0 --interactivity Server > /dev/null
dotnet add NewBlazor package Linode.AspNetCore.Authentication --version "$version" > /dev/null
{
  printf 'using Linode.AspNetCore.Authentication;\nusing Microsoft.AspNetCore.Authentication.Cookies;\n'
  awk -v registration="$(snippet "$root/src/Linode.AspNetCore.Authentication/PACKAGE.md" readme-blazor)" \
    '{print} index($0, "var builder = WebApplication.CreateBuilder(args);") == 1 {print registration}' NewBlazor/Program.cs
} > NewBlazor/Program.cs.new && mv NewBlazor/Program.cs.new NewBlazor/Program.cs
grep -q 'AddLinodeBlazor' NewBlazor/Program.cs || { echo "newcomer: the Blazor registration did not go into Program.cs" >&2; exit 1; }
{ printf 'using System.Net.Http.Json;\nusing System.Text.Json;\n'; snippet "$root/README.md" readme-api-client; } > NewBlazor/LinodeInstancesClient.cs
cat > NewBlazor/Components/Pages/Account.razor <<'RAZOR'
@page "/account"
@attribute [Microsoft.AspNetCore.Authorization.Authorize]

<p id="hello">Hello @name</p>

@code {
    [CascadingParameter] private Task<Microsoft.AspNetCore.Components.Authorization.AuthenticationState>? State { get; set; }

    private string? name;

    protected override async Task OnInitializedAsync() => name = (await State!).User.Identity?.Name;
}
RAZOR
test_project NewBlazor
{
  sed -n 's/^using \(.*\);$/using \1;/p' "$root/src/Linode.AspNetCore.Authentication.Testing/PACKAGE.md"
  cat <<'CS'
namespace NewBlazor.Tests;

public sealed class BlazorSignInTests
{
    [Fact]
    public async Task A_user_signs_in_with_Linode_and_the_Blazor_page_greets_them_without_a_token()
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var server = await LinodeEmulatorServer.StartAsync(new LinodeEmulator(), cancellationToken: cancel);
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder => builder.UseLinodeEmulator(server));
        using var browser = new LinodeTestBrowser(factory.Server.CreateHandler(), factory.Server.BaseAddress, server);

        using var page = await browser.SignInWithLinodeAsync("/account", cancellationToken: cancel);
        var html = await page.Content.ReadAsStringAsync(cancel);

        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Hello exampleUser", html);
        Assert.DoesNotContain(server.Emulator.Tokens.Single().AccessToken, html);
    }
}
CS
} > NewBlazor.Tests/BlazorSignInTests.cs

timeout 600 dotnet test NewBlazor.Tests --nologo 2>&1 | tee "$work/blazor.log" | tail -n 5
grep -q "Passed!  - Failed:     0, Passed:     1" "$work/blazor.log"
# The emulator tool as its page says to run it (from the local feed here), then an Aspire app host by hand: the
# hosting package's snippet with a `dotnet new web` app named WebApp (the quick start), the app host's launch profile as
# the package page gives it. DCP runs `dotnet tool exec` for the emulator (the feed comes from nuget.config here).
help=$(timeout 300 dotnet tool exec "Linode.AspNetCore.Authentication.EmulatorTool@$version" --yes --add-source "$work/feed" -- --help)
grep -qF -- '--client-id <id>' <<<"$help" || { echo "newcomer: linode-emulator --help from the feed did not list its switches" >&2; exit 1; }

dotnet new web -o WebApp --framework net10.0 --no-https > /dev/null
dotnet add WebApp package Linode.AspNetCore.Authentication --version "$version" > /dev/null
cp NewApp/Program.cs WebApp/Program.cs
web_port=$(http_port WebApp/Properties/launchSettings.json)
mkdir -p AspireHost/Properties
cat > AspireHost/AspireHost.csproj <<XML
<Project Sdk="Aspire.AppHost.Sdk/13.6.4">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <ImplicitUsings>enable</ImplicitUsings>
    <Nullable>enable</Nullable>
    <NoWarn>\$(NoWarn);ASPIRE010</NoWarn>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Aspire.Hosting.AppHost" Version="13.6.5" />
    <PackageReference Include="Polly.Core" Version="8.8.0" />
    <PackageReference Include="Nerdbank.MessagePack" Version="1.3.88" />
    <PackageReference Include="Linode.AspNetCore.Authentication.Aspire.Hosting" Version="$version" />
    <ProjectReference Include="../WebApp/WebApp.csproj" />
  </ItemGroup>
</Project>
XML
cat > AspireHost/Properties/launchSettings.json <<'JSON'
{ "profiles": { "http": { "commandName": "Project", "applicationUrl": "http://localhost:15190", "environmentVariables": {
  "ASPNETCORE_ENVIRONMENT": "Development", "DOTNET_ENVIRONMENT": "Development",
  "ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL": "http://localhost:19190", "ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL": "http://localhost:20190",
  "ASPIRE_ALLOW_UNSECURED_TRANSPORT": "true", "DOTNET_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS": "true" } } } }
JSON
{ echo 'var builder = DistributedApplication.CreateBuilder(args);'; snippet "$root/src/Linode.AspNetCore.Authentication.Aspire.Hosting/PACKAGE.md" aspire-app-host; echo 'builder.Build().Run();'; } > AspireHost/AppHost.cs
dotnet build AspireHost --nologo -v q > "$work/aspire-build.log" 2>&1 || { tail -n 30 "$work/aspire-build.log"; exit 1; }
(cd AspireHost && exec timeout 600 dotnet run --no-build > "$work/aspire-run.log" 2>&1) &
apphost=$!
stop_apphost() { kill -TERM "$apphost" 2>/dev/null || true; pkill -TERM -f "$work/AspireHost" 2>/dev/null || true; wait "$apphost" 2>/dev/null || true; }
wait_for_status "http://localhost:$web_port/" 302 || true
curl_sign_in "http://localhost:$web_port"
stop_apphost
if ! grep -qF '<p>Hello exampleUser</p>' <<<"$page"; then
  echo "newcomer: the Aspire app host's sign-in ended with '$page' (authorize: ${authorize%%\?*}, callback: ${callback%%\?*})" >&2
  tail -n 40 "$work/aspire-run.log" >&2
  exit 1
fi
grep -q 'client_id=web' <<<"$authorize" || { echo "newcomer: the emulator resource did not give WebApp a client of its own" >&2; exit 1; }

# The templates, from the packed template package (installed into a template hive of this run's own, so the machine's
# list of templates is left alone): each generated solution's tests pass offline, and the app signs in with `dotnet run`
# (the emulator, as no client id is configured) to its scope-protected page, which lists the user's Linodes. linode-blazor
# is generated with --redis and --scopes, and runs on a redis-server; a Release build holds no emulator.
templates_nupkg="$work/feed/Linode.AspNetCore.Authentication.Templates.$version.nupkg"
templates_nuspec=$(unzip -p "$templates_nupkg" Linode.AspNetCore.Authentication.Templates.nuspec)
for expected in '<packageType name="Template"' "<version>$version</version>" '<readme>README.md</readme>' '<releaseNotes>' '<icon>icon.png</icon>'; do
  grep -qF "$expected" <<<"$templates_nuspec" || { echo "newcomer: the templates' nuspec lacks $expected" >&2; exit 1; }
done
no_raw_html "$templates_nupkg" "the templates package"
hive="$work/template-hive"
dotnet new install "$templates_nupkg" --debug:custom-hive "$hive" > /dev/null
dotnet new linode-web -o TemplateWeb --debug:custom-hive "$hive" > /dev/null
dotnet new linode-blazor -o TemplateBlazor --redis --scopes "linodes:read_only,account:read_only" --debug:custom-hive "$hive" > /dev/null
grep -qF '"Scope": "linodes:read_only,account:read_only"' TemplateBlazor/TemplateBlazor/appsettings.json \
  || { echo "newcomer: linode-blazor --scopes did not reach appsettings.json" >&2; exit 1; }
grep -qF 'AddLinodeRedis' TemplateBlazor/TemplateBlazor/Program.cs || { echo "newcomer: linode-blazor --redis registers no Redis" >&2; exit 1; }
if grep -qF 'Redis' TemplateWeb/TemplateWeb/Program.cs TemplateWeb/TemplateWeb/TemplateWeb.csproj; then
  echo "newcomer: linode-web without --redis mentions Redis" >&2; exit 1
fi
redis_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no > "$work/redis.log" 2>&1 &
redis_pid=$!
for app in TemplateWeb TemplateBlazor; do
  timeout 600 dotnet test "$app" --nologo 2>&1 | tee "$work/$app-test.log" | tail -n 3
  grep -q "Passed!  - Failed:     0, Passed:     4" "$work/$app-test.log" || { echo "newcomer: $app's generated tests did not all pass" >&2; exit 1; }

  dotnet build "$app/$app" -c Release --nologo -v q > "$work/$app-release.log" 2>&1 || { tail -n 20 "$work/$app-release.log" >&2; exit 1; }
  if [ -e "$app/$app/bin/Release/net10.0/Linode.AspNetCore.Authentication.Testing.dll" ]; then
    echo "newcomer: $app's Release build holds the emulator" >&2; exit 1
  fi

  port=$(http_port "$app/$app/Properties/launchSettings.json")
  redis_setting=""
  [ "$app" != TemplateBlazor ] || redis_setting="127.0.0.1:$redis_port"
  (cd "$app/$app" && ConnectionStrings__Redis="$redis_setting" exec timeout 600 dotnet run > "$work/$app-run.log" 2>&1) &
  run_pid=$!
  wait_for_status "http://localhost:$port/" 200 || true
  curl_sign_in "http://localhost:$port" "/Account/SignIn?returnUrl=%2Flinodes"
  pkill -TERM -f "$work/$app/$app/bin/Debug" 2>/dev/null || true
  wait "$run_pid" 2>/dev/null || true
  if ! grep -qF '<span id="user-name">exampleUser</span>' <<<"$page" || ! grep -qF '<li>web-1 (us-east, ' <<<"$page"; then
    echo "newcomer: $app under dotnet run did not sign in to its Linodes page (authorize: ${authorize%%\?*})" >&2
    tail -n 40 "$work/$app-run.log" >&2
    exit 1
  fi
  grep -qF 'signing in with the Linode emulator' "$work/$app-run.log" || { echo "newcomer: $app did not say it uses the emulator" >&2; exit 1; }
done
# The Blazor app kept its session in Redis.
[ "$(redis-cli -p "$redis_port" --scan | wc -l)" -gt 0 ] || { echo "newcomer: TemplateBlazor stored nothing in Redis" >&2; exit 1; }
redis-cli -p "$redis_port" shutdown nosave > /dev/null 2>&1 || kill "$redis_pid" 2>/dev/null || true

echo "newcomer: 7 passed, 0 failed (dotnet new web + PACKAGE.md quick start: sign in through the emulator, a forged sign-out refused, the form's sign-out revokes; step 0: the app run by linode-emulator --run, signed in; dotnet new blazor + the PACKAGE.md Blazor registration: sign in to an [Authorize] page; an Aspire app host from the hosting package's page with the emulator tool from the feed: sign in; dotnet new linode-web and linode-blazor --redis from the packed templates: generated tests green, dotnet run signs in to the Linodes page)"
