#!/usr/bin/env bash
# Runs the API tests (server/) against a real PostgreSQL server: `npm run test:pg [-- vitest args]`.
#
# With TEST_DATABASE_URL set, that server is used (the role needs CREATEDB: every test creates a
# database of its own and drops it). Otherwise a throwaway cluster of Debian's `postgresql` package
# is created in a temporary folder, listens on 127.0.0.1 on a free port, and is stopped and removed
# on exit, whatever happens. Run as root (CI), the cluster runs as the `postgres` user.
set -euo pipefail
cd "$(dirname "$0")/.."

run_tests() {
  if (($#)); then
    npx vitest run "$@"
  else
    npx vitest run server
  fi
}

if [[ -n "${TEST_DATABASE_URL:-}" ]]; then
  run_tests "$@"
  exit
fi

bindir=""
if command -v pg_config >/dev/null 2>&1 && [[ -x "$(pg_config --bindir)/initdb" ]]; then
  bindir="$(pg_config --bindir)"
else
  for candidate in /usr/lib/postgresql/*/bin; do
    [[ -x "$candidate/initdb" ]] && bindir="$candidate"
  done
fi
if [[ -z "$bindir" ]]; then
  echo "PostgreSQL is not installed (initdb not found): apt-get install postgresql, or set TEST_DATABASE_URL." >&2
  exit 1
fi

dir="$(mktemp -d "${TMPDIR:-/tmp}/help-pg.XXXXXX")"
as_owner=()
if [[ $EUID -eq 0 ]]; then
  # PostgreSQL refuses to run as root.
  chown postgres: "$dir"
  as_owner=(runuser -u postgres --)
fi
port="$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"

stop_cluster() {
  "${as_owner[@]}" "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop_cluster EXIT

"${as_owner[@]}" "$bindir/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync \
  >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
# A disposable cluster: durability settings off for speed; loopback only; room for every test's pool.
"${as_owner[@]}" "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
  start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }

"${as_owner[@]}" "$bindir/psql" -h "$dir" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
  -c "create role help_test login createdb password 'help_test'" \
  -c "create database help_test owner help_test" >/dev/null

echo "$("$bindir/postgres" --version) on 127.0.0.1:$port (${dir})"
export TEST_DATABASE_URL="postgres://help_test:help_test@127.0.0.1:$port/help_test"
run_tests "$@"
