#!/usr/bin/env bash
# Measures notifications at scale: the real bot in process against the Integrify simulator over HTTP
# and a Bot Connector that enforces Teams' limits, with 10,000 linked people by default. Prints the
# delivered rate against Teams' 30 messages a second per tenant, and a poll cycle's time and memory
# against the bare reads it makes. Not part of ./test.sh: it takes several minutes.
#   ./bench.sh                                  # 10000 people, 3000 notifications, 30/s
#   ./bench.sh --users 2000 --notifications 600 --rate 30
#   ./bench.sh --postgres                       # a private PostgreSQL server (Debian's postgresql) instead of SQLite
set -euo pipefail
cd "$(dirname "$0")"
dotnet build bench/IntegrifyBot.Benchmarks/IntegrifyBot.Benchmarks.csproj -c Release --nologo -v quiet
exec dotnet bench/IntegrifyBot.Benchmarks/bin/Release/net10.0/IntegrifyBot.Benchmarks.dll "$@"
