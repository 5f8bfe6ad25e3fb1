#!/usr/bin/env bash
# The newcomer's path (issue 13, item 7): wall time of the README's two commands on a fresh clone —
# `npm install`, `npm run dev` until its first answer, then `npm test` — printed for the record.
# Not part of `npm run bench` (npm test alone takes minutes and builds the app again).
#
#   scripts/bench/newcomer.sh [repo=this repository] [--port=3560] [--skip-test]
#
# Clones into a temp folder (committed files only: what a newcomer gets), uses embedded PGlite (no
# DATABASE_URL), the dev server on --port (default 3560), and removes the clone at the end. npm's
# own cache is kept (a newcomer's first install may be slower: it downloads everything).
set -euo pipefail

repo="$(git rev-parse --show-toplevel)"
port=3560
skip_test=0
for arg in "$@"; do
  case "$arg" in
    --port=*) port="${arg#--port=}" ;;
    --skip-test) skip_test=1 ;;
    -*) echo "unknown option $arg" >&2; exit 2 ;;
    *) repo="$arg" ;;
  esac
done

dir="$(mktemp -d /tmp/jejak-newcomer-XXXXXX)"
dev_pid=""
cleanup() {
  if [ -n "$dev_pid" ] && kill -0 "$dev_pid" 2>/dev/null; then
    kill -- -"$dev_pid" 2>/dev/null || kill "$dev_pid" 2>/dev/null || true
    wait "$dev_pid" 2>/dev/null || true
  fi
  rm -rf "$dir"
}
trap cleanup EXIT

now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

echo "newcomer: cloning $repo into $dir"
git clone --quiet "$repo" "$dir/jejak"
cd "$dir/jejak"
# The machine's own environment must not leak into the newcomer's run.
unset DATABASE_URL MIGRATION_DATABASE_URL NEXTAUTH_SECRET NEXTAUTH_URL NEXT_DIST_DIR PGLITE_DIR

t0=$(now)
npm install --no-audit --no-fund > "$dir/install.log" 2>&1 || { tail -20 "$dir/install.log"; exit 1; }
t1=$(now)
echo "npm install: $(secs "$t0" "$t1") s"

set -m
PORT="$port" npm run dev > "$dir/dev.log" 2>&1 &
dev_pid=$!
set +m
t2=$(now)
answered=0
for _ in $(seq 1 600); do
  if curl -fsS -o /dev/null "http://127.0.0.1:$port/" 2>/dev/null; then answered=1; break; fi
  if ! kill -0 "$dev_pid" 2>/dev/null; then break; fi
  sleep 0.5
done
t3=$(now)
if [ "$answered" = 1 ]; then
  echo "npm run dev, first answer of http://127.0.0.1:$port/: $(secs "$t2" "$t3") s (prepare: secret, migrations, demo seed; then next dev's first compile)"
else
  echo "npm run dev: no answer within $(secs "$t2" "$t3") s"; tail -20 "$dir/dev.log"; exit 1
fi
kill -- -"$dev_pid" 2>/dev/null || kill "$dev_pid" 2>/dev/null || true
wait "$dev_pid" 2>/dev/null || true
dev_pid=""

if [ "$skip_test" = 1 ]; then
  echo "npm test: skipped (--skip-test)"
  exit 0
fi
t4=$(now)
status=0
# Its browser tests on port+1, so they never meet a server already on the default port.
E2E_PORT=$((port + 1)) npm test > "$dir/test.log" 2>&1 || status=$?
t5=$(now)
echo "npm test: $(secs "$t4" "$t5") s, exit $status; $(grep -E '^tests: ' "$dir/test.log" | tail -1 || echo 'no summary line')"
echo "newcomer total: $(secs "$t0" "$t5") s"
