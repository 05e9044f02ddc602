#!/usr/bin/env bash
# Runs the demo: the Integrify simulator (a stand-in Integrify with demo data, whose colleagues send
# Alex new approvals), the bot in demo mode pointed at it, and Microsoft's Teams emulator (Agents
# Playground); then tells you which address to open. Ctrl+C stops all three.
#
# Demo mode has no Microsoft app id, so the bot does not authenticate callers: it listens on
# 127.0.0.1 only and replies only to the emulator on this machine. The simulator also listens on
# 127.0.0.1 only: its passwords are public and its control API has no authentication.
set -euo pipefail
cd "$(dirname "$0")"

BOT_PORT="${BOT_PORT:-3978}"
PLAYGROUND_PORT="${PLAYGROUND_PORT:-56150}"
SIMULATOR_PORT="${SIMULATOR_PORT:-5080}"
SIMULATOR="http://127.0.0.1:${SIMULATOR_PORT}"

for tool in dotnet node npm curl; do
    command -v "$tool" >/dev/null 2>&1 || { echo "$tool is required (see README.md, 'Requirements')." >&2; exit 1; }
done

if [ ! -d tests/tools/node_modules/@microsoft/m365agentsplayground ]; then
    echo "Installing Microsoft's Teams emulator (Agents Playground) from npm..."
    npm ci --prefix tests/tools --no-audit --no-fund --loglevel=error
fi

echo "Building the Integrify simulator and the bot..."
dotnet build src/Integrify.Simulator/Integrify.Simulator.csproj --nologo -v quiet
dotnet build src/IntegrifyBot/IntegrifyBot.csproj --nologo -v quiet

# answers: a successful answer; listens: any HTTP answer at all (the simulator's root is a 404).
answers() { curl -fs --max-time 1 "$1" >/dev/null 2>&1; }
listens() { curl -s -o /dev/null --max-time 1 "$1" 2>/dev/null; }
if listens "${SIMULATOR}/"; then
    echo "Something already listens on port ${SIMULATOR_PORT}; stop it or set SIMULATOR_PORT." >&2
    exit 1
fi
if listens "http://127.0.0.1:${BOT_PORT}/healthz"; then
    echo "Something already listens on port ${BOT_PORT}; stop it or set BOT_PORT." >&2
    exit 1
fi

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

# The simulator sends Alex a colleague's request to approve 20 seconds after the bot first signs
# him in, and another every three minutes; its control API (on 127.0.0.1) sends one on demand.
Urls="${SIMULATOR}" \
Simulator__ControlApi=true \
Simulator__DemoTasks=true \
Logging__Console__FormatterName=simple \
Logging__Console__FormatterOptions__TimestampFormat="HH:mm:ss " \
    dotnet src/Integrify.Simulator/bin/Debug/net10.0/Integrify.Simulator.dll &
simulator=$!
pids+=("$simulator")

until listens "${SIMULATOR}/"; do
    kill -0 "$simulator" 2>/dev/null || { echo "The Integrify simulator did not start (see above)." >&2; exit 1; }
    sleep 0.5
done

# The bot reads Alex's tasks every 10 seconds, so that its first read (which only records what he
# already has) comes before the simulator's first new task, and that task's card within seconds.
mkdir -p artifacts/playground
Bot__Mode=Demo \
Integrify__BaseUrl="${SIMULATOR}/" \
Integrify__Tenant=demo \
Integrify__OrganizationKey=demo-org-key \
Notifications__PollInterval=00:00:10 \
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
  Try: tasks (the demo links you to Integrify as alexw without any typing), status, new request, reports, help
  The message extension: in Group Chat, press + beside the message box; Search Command finds your tasks
  to share as cards, Action Command starts a request, Link Unfurling takes a link from Open in Integrify.
  About 20 seconds after that first message a colleague's request arrives as "New task for you",
  and another every few minutes. To send one now:
    curl -X POST ${SIMULATOR}/_sim/demo/tasks

  Press Ctrl+C to stop.

MESSAGE
wait "$simulator" "$bot" "$playground"
