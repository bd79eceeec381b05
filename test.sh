#!/usr/bin/env bash
# Installs what the tests need (Debian's aiosmtpd for the SMTP tests, Chromium when a browser-test project
# exists, the local dotnet tools), checks the EF model matches the committed migrations, then runs every test project and prints
# one closing line: "N passed, N failed", after a smoke run of the load benchmark. A run with zero tests fails.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

packages=()
# The SMTP tests run a real SMTP server: Debian's aiosmtpd, under Debian's python3.
/usr/bin/python3 -c "import aiosmtpd" >/dev/null 2>&1 || packages+=(python3-aiosmtpd)
if [ -d tests/TwoFactorDemo.BrowserTests ] && ! command -v chromium >/dev/null 2>&1; then packages+=(chromium); fi
if [ ${#packages[@]} -gt 0 ]; then
  echo "== installing from Debian's packages: ${packages[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null
fi

echo "== restoring local dotnet tools"
dotnet tool restore >/dev/null

echo "== building"
dotnet build TwoFactorDemo.sln -c Release -nologo -clp:ErrorsOnly

echo "== checking the EF model against the committed migrations"
dotnet ef migrations has-pending-model-changes --project src/TwoFactorDemo.Web --configuration Release --no-build

passed=0; failed=0; skipped=0; status=0
for project in tests/*/*.csproj; do
  echo "== testing $project"
  log=$(mktemp)
  if ! dotnet test "$project" -c Release --no-build --nologo 2>&1 | tee "$log"; then status=1; fi
  summary=$(grep -E "(Passed|Failed)!? +- +Failed: +[0-9]+, Passed: +[0-9]+" "$log" | tail -n 1 || true)
  if [ -z "$summary" ]; then echo "!! no test summary from $project"; status=1; continue; fi
  f=$(sed -E 's/.*Failed: +([0-9]+),.*/\1/' <<<"$summary")
  p=$(sed -E 's/.*Passed: +([0-9]+),.*/\1/' <<<"$summary")
  s=$(sed -E 's/.*Skipped: +([0-9]+),.*/\1/' <<<"$summary")
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
  rm -f "$log"
done

# The load benchmark in smoke mode (a few seconds of each measurement, the stock template included), so it
# cannot rot: it fails on any error or on a measurement that completed nothing. Full runs: bench/README.md.
echo "== load benchmark, smoke mode"
if ! dotnet run -c Release --no-build --project bench/TwoFactorDemo.Bench -- --smoke; then echo "!! the bench smoke run failed"; status=1; fi

if [ $((passed + failed)) -eq 0 ]; then echo "!! no tests ran"; status=1; fi
[ "$failed" -eq 0 ] || status=1
echo "$passed passed, $failed failed, $skipped skipped"
exit $status
