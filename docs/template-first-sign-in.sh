#!/usr/bin/env bash
# Seconds from `dotnet new install` of the template package to the first signed-in page, as a newcomer takes the path
# the template package's page gives: install, `dotnet new <template>`, `dotnet run`, then the browser's sign-in (here
# curl: the app's sign-in link, the emulator's consent page answered as exampleUser, the callback, /linodes).
# Usage: bash docs/template-first-sign-in.sh [linode-blazor|linode-web] [runs, default 3]
# The packages are packed first into a local feed (not timed); NuGet's global packages folder is warm after the first
# run, as on a developer's machine. Each run uses a new folder and a template hive of its own.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
template=${1:-linode-blazor}
runs=${2:-3}
work=$(mktemp -d)
trap 'pkill -TERM -f "$work/" 2>/dev/null || true; rm -rf "$work"' EXIT
. "$root/.ci/curl-browser.sh"
version="$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$root/Directory.Build.props")-timing.$(date +%Y%m%d%H%M%S)"
for project in Linode.AspNetCore.Authentication Linode.AspNetCore.Authentication.Testing Linode.AspNetCore.Authentication.Templates; do
  dotnet pack "$root/src/$project" -c Release -o "$work/feed" -p:Version="$version" --nologo -v q > /dev/null
done

seconds() { printf '%.1f' "$(echo "$2 - $1" | bc)"; }
totals=()
for run in $(seq 1 "$runs"); do
  dir="$work/run$run"
  mkdir -p "$dir" && cd "$dir"
  printf '{ "sdk": { "version": "10.0.400", "rollForward": "latestFeature" } }\n' > global.json
  dotnet new nugetconfig --force > /dev/null
  dotnet nuget add source "$work/feed" --name local --configfile nuget.config > /dev/null

  t0=$(date +%s.%N)
  dotnet new install "$work/feed/Linode.AspNetCore.Authentication.Templates.$version.nupkg" --debug:custom-hive "$dir/hive" > /dev/null   # step 1
  t1=$(date +%s.%N)
  dotnet new "$template" -o MyApp --debug:custom-hive "$dir/hive" > /dev/null                                                           # step 2
  t2=$(date +%s.%N)
  port=$(http_port MyApp/MyApp/Properties/launchSettings.json)
  (cd MyApp && exec dotnet run --project MyApp > "$dir/run.log" 2>&1) &                                                                 # step 3
  wait_for_status "http://localhost:$port/" 200 || { tail -n 30 "$dir/run.log" >&2; exit 1; }
  t3=$(date +%s.%N)
  curl_sign_in "http://localhost:$port" "/Account/SignIn?returnUrl=%2Flinodes"                                                          # step 4
  t4=$(date +%s.%N)
  grep -qF '<span id="user-name">exampleUser</span>' <<<"$page" || { echo "run $run: the sign-in did not reach /linodes" >&2; exit 1; }
  pkill -TERM -f "$dir/MyApp/MyApp/bin/" || true
  wait || true
  echo "run $run: install $(seconds "$t0" "$t1") s, new $(seconds "$t1" "$t2") s, dotnet run to first page $(seconds "$t2" "$t3") s, sign-in $(seconds "$t3" "$t4") s; total $(seconds "$t0" "$t4") s"
  totals+=("$(seconds "$t0" "$t4")")
done
median=$(printf '%s\n' "${totals[@]}" | sort -n | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}')
echo "$template: dotnet new install to the first signed-in page, median of $runs: $median s (4 steps: install, new, run, sign in)"
