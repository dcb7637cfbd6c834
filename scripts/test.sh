#!/usr/bin/env bash
# The README's test command: provisions what the test suite needs on a fresh Debian machine, runs
# every test project, and prints one closing line "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

log() { printf '[test.sh] %s\n' "$*"; }

apt_install() {
  # Installs Debian packages only when one of the commands is missing (root on CI and dev machines).
  local missing=()
  for pair in "$@"; do
    local cmd=${pair%%:*} pkg=${pair#*:}
    command -v "$cmd" >/dev/null 2>&1 || missing+=("$pkg")
  done
  if ((${#missing[@]})); then
    log "installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

# Real clients the tests drive: Node.js (reference MVT decoder), GDAL (ogrinfo and its GeoPackage validator).
# Debian's Python modules live under /usr/bin/python3 (a pyenv python3 may shadow it on PATH).
apt_install node:nodejs npm:npm ogrinfo:gdal-bin
# The viewer's browser tests: Debian's headless Chromium (driven by Playwright, no browser download) and a
# font with Chinese glyphs for the layer names.
apt_install chromium:chromium
dpkg -s fonts-wqy-microhei >/dev/null 2>&1 || { log "installing fonts-wqy-microhei"; apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-wqy-microhei >/dev/null; }
# Screenshots of the browser tests are kept here (gitignored).
export TILESERVER_TEST_ARTIFACTS="$root/artifacts/viewer"
/usr/bin/python3 -c 'import osgeo_utils.samples.validate_gpkg' 2>/dev/null || { log "installing python3-gdal"; apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-gdal >/dev/null; }
# OWSLib: the Python OGC client the WMTS/WFS client tests drive.
/usr/bin/python3 -c 'import owslib' 2>/dev/null || { log "installing python3-owslib"; apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-owslib >/dev/null; }

log "installing JavaScript test dependencies (tests/js: npm ci)"
(cd tests/js && npm ci --no-audit --no-fund --loglevel=error)

# Throwaway services for the integration tests, torn down on exit whatever happens.
cleanup() {
  local code=$?
  type redis_stop >/dev/null 2>&1 && redis_stop || true
  type postgres_stop >/dev/null 2>&1 && postgres_stop || true
  rm -rf "${results:-}"
  exit "$code"
}
trap cleanup EXIT
log "starting Redis"
. scripts/services/redis.sh
log "starting PostgreSQL/PostGIS"
. scripts/services/postgres.sh

log "building"
dotnet build TileServer.sln -c Release -nologo -v quiet

results=$(mktemp -d)
log "running tests"
# One test project at a time: the outage tests stop the shared PostgreSQL and Redis. One trx file per
# project, named after it, for the closing count.
status=0
for project in tests/*.Tests; do
  name=$(basename "$project")
  dotnet test "$project" -c Release --no-build -nologo \
    --logger "trx;LogFileName=$name.trx" --results-directory "$results" 2>&1 | tee -a "$results/output.txt" || status=1 # pipefail: dotnet's exit code
done

# One closing line over all test projects, summed from the per-project trx counters.
passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  n=$(sed -n 's/.* notExecuted="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${n:-0}))
done
projects=$(ls "$results"/*.trx 2>/dev/null | wc -l)
expected=$(ls -d tests/*.Tests | wc -l)
if [ "$projects" -lt "$expected" ]; then
  log "only $projects of $expected test projects reported results"
  status=1
fi
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
