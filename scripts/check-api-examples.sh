#!/usr/bin/env bash
# Runs every curl example of docs/API.md and docs/MAAS_CONTRACT.md, in order, against a freshly started app with a throw-away database,
# and fails if any answers other than documented (2xx, or 4xx for the example the Tuner refuses and those marked "# expect 4xx").
set -euo pipefail
cd "$(dirname "$0")/.."
data=$(mktemp -d /tmp/selflearn-examples-XXXXXX)
chmod 755 "$data"  # PostgreSQL runs as the postgres user when we are root
export Postgres__DataDirectory="$data/pg" Postgres__Port=${PORT_PG:-54431} ASPNETCORE_URLS=http://localhost:5080
dotnet run --project src/SelfLearn.Api >"$data/app.log" 2>&1 &
app=$!
trap 'set +e; kill $app 2>/dev/null; wait $app 2>/dev/null; cp "$data/app.log" /tmp/check-api-app.log; rm -rf "$data"' EXIT
for _ in $(seq 1 120); do curl -sf http://localhost:5080/health >/dev/null && break; sleep 1; done

failures=0
while IFS= read -r -d '' command; do
  expected=2; [[ $command == *"too bold"* || $command == *"# expect 4xx"* ]] && expected=4
  status=$(eval "${command/curl -s/curl -s -o $data/body -w %\{http_code\}}")
  printf '%s  %s\n' "$status" "$(head -c 110 <<<"${command//$'\n'/ }")"
  [[ ${status:0:1} == "$expected" ]] || { failures=$((failures + 1)); head -c 400 "$data/body"; echo; }
done < <(awk '/^```bash/{f=1;next} /^```/{f=0} f' docs/API.md docs/MAAS_CONTRACT.md | grep -v '^dotnet' \
         | sed -e ':a' -e '/\\$/N; s/\\\n//; ta' | tr '\n' '\0')
echo "$failures example(s) answered other than documented"
exit $((failures > 0))
