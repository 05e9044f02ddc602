#!/usr/bin/env bash
# Runs the bot in demo mode on its embedded defaults, together with Microsoft's Teams emulator
# (Agents Playground), and tells you which address to open. Ctrl+C stops both.
#
# Demo mode has no Microsoft app id, so the bot does not authenticate callers: it listens on
# 127.0.0.1 only and replies only to the emulator on this machine.
set -euo pipefail
cd "$(dirname "$0")"

BOT_PORT="${BOT_PORT:-3978}"
PLAYGROUND_PORT="${PLAYGROUND_PORT:-56150}"

for tool in dotnet node npm curl; do
    command -v "$tool" >/dev/null 2>&1 || { echo "$tool is required (see README.md, 'Requirements')." >&2; exit 1; }
done

if [ ! -d tests/tools/node_modules/@microsoft/m365agentsplayground ]; then
    echo "Installing Microsoft's Teams emulator (Agents Playground) from npm..."
    npm ci --prefix tests/tools --no-audit --no-fund --loglevel=error
fi

echo "Building the bot..."
dotnet build src/IntegrifyBot/IntegrifyBot.csproj --nologo -v quiet

answers() { curl -fs --max-time 1 "$1" >/dev/null 2>&1; }
if answers "http://127.0.0.1:${BOT_PORT}/healthz"; then
    echo "Something already listens on port ${BOT_PORT}; stop it or set BOT_PORT." >&2
    exit 1
fi

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

mkdir -p artifacts/playground
Bot__Mode=Demo \
Urls="http://127.0.0.1:${BOT_PORT}" \
Logging__Console__FormatterName=simple \
Logging__Console__FormatterOptions__TimestampFormat="HH:mm:ss " \
    dotnet src/IntegrifyBot/bin/Debug/net10.0/IntegrifyBot.dll &
bot=$!
pids+=("$bot")

until answers "http://127.0.0.1:${BOT_PORT}/healthz"; do
    kill -0 "$bot" 2>/dev/null || { echo "The bot did not start (see above)." >&2; exit 1; }
    sleep 0.5
done

# The emulator prints "Listening on N" (another port if the one asked for is taken) and writes its
# log under devTools/ in its working folder.
playground_out=artifacts/playground/stdout.log
: > "$playground_out"
(
    cd artifacts/playground
    exec env TEAMSAPPTESTER_BROWSER=none APPLICATION_INSIGHTS_NO_STATSBEAT=true \
        ../../tests/tools/node_modules/.bin/agentsplayground \
        -e "http://127.0.0.1:${BOT_PORT}/api/messages" -c msteams -p "${PLAYGROUND_PORT}" \
        --disable-telemetry --service-url "http://127.0.0.1:${PLAYGROUND_PORT}/_connector"
) > "$playground_out" 2>&1 &
playground=$!
pids+=("$playground")

port=""
until [ -n "$port" ] && answers "http://127.0.0.1:${port}/_debug/ping"; do
    kill -0 "$playground" 2>/dev/null || { echo "The Teams emulator did not start:" >&2; cat "$playground_out" >&2; exit 1; }
    port=$(sed -n 's/^Listening on \([0-9]*\)$/\1/p' "$playground_out" | head -n 1)
    sleep 0.5
done
if [ "$port" != "$PLAYGROUND_PORT" ]; then
    echo "Port ${PLAYGROUND_PORT} was taken, so the emulator uses ${port}; replies may not reach it. Stop what uses ${PLAYGROUND_PORT} or set PLAYGROUND_PORT." >&2
    exit 1
fi

cat <<MESSAGE

  IntegrifyBot is running in demo mode.
  Open http://localhost:${port} in your browser to chat with it in the Teams emulator.
  Try: help, status (the demo links you to Integrify as alexw without any typing), tasks, new request, reports

  Press Ctrl+C to stop.

MESSAGE
wait "$bot" "$playground"
