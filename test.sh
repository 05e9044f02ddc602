#!/usr/bin/env bash
# Runs the whole test suite, installing what it needs on a fresh Debian machine first:
# Node.js, npm, Chromium and PostgreSQL (Debian), the npm test tools (Microsoft's Teams emulator,
# the Adaptive Cards renderer, the Teams manifest schemas), then builds, publishes the bot exactly
# as the Dockerfile does, and runs every test. CI (.ci/run) runs this same script.
set -euo pipefail
cd "$(dirname "$0")"

say() { printf '\n== %s\n' "$*"; }

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

apt_updated=""
install_debian_package() { # package
    say "Installing $1 from Debian"
    if [ -z "$apt_updated" ]; then as_root apt-get update -qq; apt_updated=1; fi
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$1"
}
need_debian_package() { # command, package
    if ! command -v "$1" >/dev/null 2>&1; then install_debian_package "$2"; fi
}

if ! command -v dotnet >/dev/null 2>&1; then
    echo "The .NET SDK (see global.json) is required: https://learn.microsoft.com/dotnet/core/install/linux-debian" >&2
    exit 1
fi
need_debian_package node nodejs
need_debian_package npm npm
# The end-to-end tests drive the Teams emulator in Debian's Chromium, never a downloaded browser.
need_debian_package chromium chromium
# The storage tests start a private PostgreSQL server of their own (initdb into a temporary folder,
# see tests/IntegrifyBot.TestInfrastructure/PostgresServer.cs). Debian keeps the server's programs
# out of PATH, in /usr/lib/postgresql/<version>/bin.
if ! compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null && ! command -v initdb >/dev/null 2>&1; then
    install_debian_package postgresql
fi

say "Installing the npm test tools (tests/tools)"
npm ci --prefix tests/tools --no-audit --no-fund --loglevel=error

say "Building"
dotnet build IntegrifyBot.sln -c Release --nologo -v quiet

say "Publishing the bot as the Dockerfile does"
rm -rf artifacts/publish
dotnet publish src/IntegrifyBot/IntegrifyBot.csproj -c Release -o artifacts/publish --nologo -v quiet
export INTEGRIFYBOT_PUBLISH_DIR="$PWD/artifacts/publish"

say "Testing"
results="artifacts/test-results"
rm -rf "$results"
status=0
dotnet test IntegrifyBot.sln -c Release --no-build --nologo \
    --logger "console;verbosity=normal" --logger "trx" --results-directory "$results" || status=$?

# One plain summary line over every test assembly, read from the result files.
passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
    [ -e "$trx" ] || continue
    counters=$(grep -o '<Counters [^>]*>' "$trx")
    get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
    passed=$((passed + $(get passed))); failed=$((failed + $(get failed))); skipped=$((skipped + $(get notExecuted)))
done
echo
echo "Tests: $passed passed, $failed failed, $skipped skipped"
if [ "$passed" -eq 0 ] && [ "$status" -eq 0 ]; then
    echo "No test ran." >&2
    exit 1
fi
exit "$status"
