#!/usr/bin/env bash
# Measures notifications at scale: the real bot in process against the Integrify simulator over HTTP
# and a Bot Connector that enforces Teams' limits, with 10,000 linked people by default. Prints the
# delivered rate against Teams' 30 messages a second per tenant, and a poll cycle's time and memory
# against the bare reads it makes. Not part of ./test.sh: it takes several minutes.
#   ./bench.sh                                  # 10000 people, 3000 notifications, 30/s
#   ./bench.sh --users 2000 --notifications 600 --rate 30
#   ./bench.sh --postgres                       # a private PostgreSQL server (Debian's postgresql) instead of SQLite
# And a crowd's turns: the bot and the Bot Framework SDK's echo bot, each in its own process, driven over
# HTTP at several concurrency levels; prints CPU per turn, latency and the share of real answers.
#   ./bench.sh load                             # levels 1,4,50,200,1000; 50 people; at least 200 turns a level
#   ./bench.sh load --levels 1,4 --turns 200
# And scale-out: two published instances on one private PostgreSQL server, the sending one killed
# partway; prints the rate before and after, 429s, duplicates, losses and how long delivery paused.
#   ./bench.sh scale-out                        # 10000 people, 3000 notifications, 30/s
#   ./bench.sh scale-out --users 1000 --notifications 600
set -euo pipefail
cd "$(dirname "$0")"
dotnet build bench/IntegrifyBot.Benchmarks/IntegrifyBot.Benchmarks.csproj -c Release --nologo -v quiet
exec dotnet bench/IntegrifyBot.Benchmarks/bin/Release/net10.0/IntegrifyBot.Benchmarks.dll "$@"
