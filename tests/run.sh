#!/usr/bin/env bash
# The README's test command. On a fresh machine of this kind it installs what is missing (Debian packages),
# starts a throw-away PostgreSQL cluster (and Redis) on free loopback ports, builds the solution once, runs every
# test project under tests/, stops what it started, and ends with one line: "N passed, N failed".
# Set PORTAL_TEST_POSTGRES beforehand to use a server of your own instead of the throw-away cluster.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RESULTS="$ROOT/.test-run/results"
PG_BIN=/usr/lib/postgresql/15/bin
WORK=""
PG_DATA=""
REDIS_PID=""
PASSED=0
FAILED=0
PROBLEMS=()
STARTED_AT=$(date +%s)

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export DEBIAN_FRONTEND=noninteractive

log() { printf '==> %s\n' "$*"; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo -n "$@"
    else
        echo "run.sh: '$*' needs root (or sudo)" >&2
        return 1
    fi
}

# Runs a PostgreSQL binary as the user 'postgres' when we are root (initdb refuses root), else as ourselves.
as_postgres() {
    if [ "$(id -u)" -eq 0 ]; then
        su postgres -s /bin/sh -c "cd / && $(printf '%q ' "$@")"
    else
        "$@"
    fi
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

cleanup() {
    if [ -n "$PG_DATA" ] && [ -f "$PG_DATA/postmaster.pid" ]; then
        as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    if [ -n "$REDIS_PID" ]; then
        kill "$REDIS_PID" 2>/dev/null || true
    fi
    if [ -n "$WORK" ]; then
        rm -rf "$WORK"
    fi
    PG_DATA=""
    REDIS_PID=""
    WORK=""
}

on_exit() {
    local rc=$?
    cleanup
    local seconds=$(($(date +%s) - STARTED_AT))
    if [ "$rc" -ne 0 ] && [ "${#PROBLEMS[@]}" -eq 0 ]; then
        PROBLEMS+=("run.sh stopped early (exit code $rc)")
    fi
    for problem in "${PROBLEMS[@]}"; do
        echo "PROBLEM: $problem"
    done
    echo "Took ${seconds}s. Results: $RESULTS"
    echo "$PASSED passed, $FAILED failed"
    if [ "$rc" -eq 0 ] && { [ "$FAILED" -gt 0 ] || [ "${#PROBLEMS[@]}" -gt 0 ]; }; then
        rc=1
    fi
    exit "$rc"
}
trap on_exit EXIT

install_missing() {
    local missing=()
    [ -x /usr/bin/chromium ] || missing+=(chromium)
    dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
    command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
    [ -x "$PG_BIN/initdb" ] || missing+=(postgresql-15)
    command -v npm >/dev/null 2>&1 || missing+=(npm)
    if [ "${#missing[@]}" -eq 0 ]; then
        return
    fi
    log "Installing ${missing[*]}"
    as_root apt-get -o DPkg::Lock::Timeout=600 update -q </dev/null
    as_root apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends "${missing[@]}" </dev/null
}

start_postgres() {
    if [ -n "${PORTAL_TEST_POSTGRES:-}" ]; then
        log "Using the PostgreSQL server of PORTAL_TEST_POSTGRES"
        return
    fi
    local port
    port=$(free_port)
    PG_DATA="$WORK/pg"
    mkdir -p "$PG_DATA"
    if [ "$(id -u)" -eq 0 ]; then
        chown -R postgres "$WORK"
    fi
    log "Starting a throw-away PostgreSQL on 127.0.0.1:$port"
    as_postgres "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$WORK/initdb.log" 2>&1 \
        || { cat "$WORK/initdb.log"; return 1; }
    # Loopback only, trust auth, and no durability: the cluster lives as long as this run.
    as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$WORK/postgres.log" -w -t 60 start \
        -o "-p $port -k $WORK -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        >/dev/null || { cat "$WORK/postgres.log"; return 1; }
    export PORTAL_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres"
}

start_redis() {
    if [ -n "${PORTAL_TEST_REDIS:-}" ]; then
        return
    fi
    local port
    port=$(free_port)
    redis-server --bind 127.0.0.1 --port "$port" --save "" --appendonly no --daemonize no \
        --logfile "$WORK/redis.log" --dir "$WORK" &
    REDIS_PID=$!
    export PORTAL_TEST_REDIS="127.0.0.1:$port"
    log "Started a throw-away Redis on $PORTAL_TEST_REDIS"
}

# Adds one project's trx counts to the totals; a project without a readable trx did not run.
count_results() {
    local name=$1 trx=$2
    if [ ! -f "$trx" ]; then
        PROBLEMS+=("$name did not run (no test results)")
        return
    fi
    local counts
    counts=$(python3 - "$trx" <<'PY' || true
import sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
c = ET.parse(sys.argv[1]).getroot().find("t:ResultSummary/t:Counters", ns)
get = lambda k: int(c.get(k, "0"))
failed = get("failed") + get("error") + get("timeout") + get("aborted") + get("notExecuted")
print(get("passed"), failed, get("total"), get("notExecuted"))
PY
)
    local passed failed total skipped
    if ! read -r passed failed total skipped <<<"$counts" || [ -z "$skipped" ]; then
        PROBLEMS+=("$name: its test results could not be read")
        return
    fi
    PASSED=$((PASSED + passed))
    FAILED=$((FAILED + failed))
    if [ "$total" -eq 0 ]; then
        PROBLEMS+=("$name ran no test")
    fi
    if [ "$skipped" -gt 0 ]; then
        PROBLEMS+=("$name skipped $skipped test(s); nothing may be skipped")
    fi
}

cd "$ROOT"
WORK=$(mktemp -d /tmp/portal-test-run.XXXXXX)
chmod 755 "$WORK"
rm -rf "$RESULTS"
mkdir -p "$RESULTS"

install_missing
# The official JavaScript SignalR client for the browser test of /hubs/chat (tests/js-client, versions pinned in its lock file).
if [ ! -f tests/js-client/node_modules/@microsoft/signalr/dist/browser/signalr.min.js ]; then
    log "Installing the JavaScript SignalR client"
    npm ci --prefix tests/js-client --no-audit --no-fund --ignore-scripts </dev/null
fi
start_postgres
start_redis
export PORTAL_TEST_CHROMIUM=/usr/bin/chromium

log "Building Portal.sln"
dotnet build Portal.sln -c Debug -nologo -v quiet -clp:ErrorsOnly </dev/null

shopt -s nullglob
projects=(tests/*/*.csproj)
if [ "${#projects[@]}" -eq 0 ]; then
    PROBLEMS+=("no test project under tests/")
fi
for project in "${projects[@]}"; do
    name=$(basename "$project" .csproj)
    log "Testing $name"
    # A hung test is stopped and reported rather than holding the run until CI's time limit.
    dotnet test "$project" --no-build -c Debug --nologo \
        --logger "trx;LogFileName=$name.trx" --results-directory "$RESULTS" \
        --blame-hang-timeout 8m --blame-hang-dump-type none </dev/null || true
    count_results "$name" "$RESULTS/$name.trx"
done
