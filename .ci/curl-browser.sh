# Helpers for the newcomer test and docs/template-first-sign-in.sh: a browser in curl, and the port an app is served on.
# Sourced, never run. Needs $work (a folder for cookie jars), curl and python3.

# The sign-in a browser does at app $1 from its sign-in link $2 (/signin by default): the app's challenge, the
# emulator's consent page (its hidden fields, a user, the scope), the callback, the app's page (in $page; the authorize
# and callback URLs in $authorize and $callback). curl keeps the cookies; loopback origins get Secure cookies over http,
# as browsers do.
curl_sign_in() {
  local jar fields consent name value
  page='' authorize='' callback=''
  jar=$(mktemp -p "$work")
  authorize=$(curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{redirect_url}' "$1${2:-/signin}")
  consent=$(curl -s -c "$jar" -b "$jar" "$authorize")
  fields=()
  while read -r name value; do
    fields+=(--data-urlencode "$name=$(python3 -c 'import html, sys; print(html.unescape(sys.argv[1]))' "$value")")
  done < <(grep -oE '<input type="hidden" name="[a-z_]+" value="[^"]*"' <<<"$consent" | sed -E 's/.*name="([a-z_]+)" value="([^"]*)"/\1 \2/')
  callback=$(curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{redirect_url}' "${fields[@]}" --data-urlencode user=exampleUser \
    --data-urlencode granted=linodes:read_only --data-urlencode decision=approve "${authorize%%\?*}")
  page=$(curl -s -c "$jar" -b "$jar" -L "$callback")
}

# Waits (up to 2 minutes) until $1 answers with status $2.
wait_for_status() {
  for _ in $(seq 1 240); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$1")" = "$2" ] && return 0
    sleep 0.5
  done
  return 1
}

# The http port `dotnet run` serves an app on: its launch settings' first http://localhost address (an http-only
# profile's, else the http half of an https profile's).
http_port() {
  local port
  port=$(sed -n 's|.*"applicationUrl": "http://localhost:\([0-9]*\)".*|\1|p' "$1" | head -n 1)
  echo "${port:-$(sed -n 's|.*"applicationUrl": "https://localhost:[0-9]*;http://localhost:\([0-9]*\)".*|\1|p' "$1" | head -n 1)}"
}
