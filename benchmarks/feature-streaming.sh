#!/usr/bin/env bash
# Feature streaming: our WFS 2.0 and OGC API – Features against MapServer 8 WFS 2.0, in one run.
#
# What it does:
#   1. Builds the host (Release) and takes the sample GeoPackage: SAMPLE if given, else it generates one into
#      the temp dir with `tileserver sample --scale` (2.1 million parcels, about 5 min and 9 GB of RAM) or,
#      with SCALE=<density>, `tileserver sample --density <density>` for a quick run.
#   2. Starts a throwaway PostgreSQL/PostGIS (scripts/services/postgres.sh, unless TILESERVER_POSTGIS is set)
#      and loads every layer of the sample with `tileserver import`.
#   3. Starts three servers on free loopback ports:
#        ours-pg    the Release host publishing the PostGIS tables (tile cache off, no Redis);
#        ours-gpkg  the Release host publishing the GeoPackage itself;
#        mapserver  MapServer 8 (Debian mapserver-bin) as FastCGI under lighttpd (mod_fastcgi, one mapserv
#                   process per core, kept alive between requests with pooled PostGIS connections: MapServer's
#                   fastest documented setup), WFS 2.0 over the SAME PostGIS tables, GML 3.2 and GeoJSON
#                   (OGR driver streaming to stdout).
#      Our servers get MaxCount/MaxLimit raised to BIG so one request can carry the large stream.
#   4. Measures with curl (time_total, one request at a time, no keep-alive reuse between requests):
#        - 1,000 items (COUNT): WFS GetFeature GML 3.2 and GeoJSON, OGC API items (GeoJSON), for ours on PostGIS
#          and on the GeoPackage, and MapServer's WFS GetFeature GML 3.2 and GeoJSON on PostGIS;
#        - the same at a deep page (startIndex/offset DEEP) to show what paging costs;
#        - a large stream of BIG features per target: features per second;
#        - peak RSS (VmHWM, reset through /proc/PID/clear_refs) of our servers while streaming HUGE features
#          (default one million) as WFS GeoJSON and GML, and of the mapserv processes after their streams.
#      Every target is warmed once (and its feature count checked), then measured ROUNDS times, the targets
#      interleaved within each round; medians are printed as markdown tables (also to OUT when set).
#   5. Stops everything it started and deletes its temp dir on exit (trap), including the generated sample.
#
# Knobs (environment): SAMPLE=path.gpkg  SCALE=2m|<density>  LAYER=ghyd  COUNT=1000  DEEP=1000000  ROUNDS=7
#   BIG=100000  BIG_ROUNDS=3  HUGE=1000000  OUT=file.md  KEEP_SAMPLE=path (copy a generated sample there)
#   SERIES="first deep big huge" (which measurements to run)  OURS_ARGS="--TileServer:Wfs:ExactCountLimit=…"
#   (extra configuration for both of our servers, e.g. an unbounded count to measure what the old exact
#   numberMatched cost).
# Needs: .NET SDK, curl, python3, mapserv (mapserver-bin), lighttpd (installed through apt when missing, as root).
# Results and method: docs/benchmarks.md, section "Feature streaming against MapServer".
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
layer=${LAYER:-ghyd}
count=${COUNT:-1000}
deep=${DEEP:-1000000}
rounds=${ROUNDS:-7}
big=${BIG:-100000}
big_rounds=${BIG_ROUNDS:-3}
huge=${HUGE:-1000000}
scale=${SCALE:-2m}
series_wanted=" ${SERIES:-first deep big huge} "
read -r -a ours_args <<<"${OURS_ARGS:-}"
host=$root/src/TileServer/bin/Release/net10.0/TileServer.dll

work=$(mktemp -d "${TMPDIR:-/tmp}/feature-streaming.XXXXXX")
chmod 0755 "$work"
pids=()
started_pg=""
ms_pid=""
cleanup() {
  local pid
  # lighttpd leaves its FastCGI mapserv processes running when it exits (and respawns one killed before it), so
  # it runs in its own process group and the whole group is stopped.
  if [ -n "$ms_pid" ]; then kill -TERM -- "-$ms_pid" 2>/dev/null || true; fi
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ -n "$started_pg" ]; then postgres_stop || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log() { printf '[feature-streaming] %s\n' "$*" >&2; }
free_port() { local p=$((20000 + RANDOM % 20000)); while (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; do p=$((p + 1)); done; echo "$p"; }
median() { printf '%s\n' "$@" | sort -g | sed -n "$(( ($# + 1) / 2 ))p"; }

command -v lighttpd >/dev/null || { [ "$(id -u)" -eq 0 ] && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq lighttpd >/dev/null; }
command -v mapserv >/dev/null || { [ "$(id -u)" -eq 0 ] && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mapserver-bin >/dev/null; }

log "building the host (Release)"
dotnet build src/TileServer -c Release -nologo -v quiet >/dev/null

sample=${SAMPLE:-}
if [ -z "$sample" ]; then
  sample=$work/sample.gpkg
  if [ "$scale" = 2m ]; then
    log "generating the 2-million-parcel sample (tileserver sample --scale)"
    dotnet "$host" sample --scale --output "$sample" >"$work/sample.log"
  else
    log "generating a sample at density $scale"
    dotnet "$host" sample --density "$scale" --output "$sample" >"$work/sample.log"
  fi
  tail -n 1 "$work/sample.log" >&2
  if [ -n "${KEEP_SAMPLE:-}" ]; then cp "$sample" "$KEEP_SAMPLE"; fi
fi
[ -f "$sample" ] || { log "no sample at $sample"; exit 1; }

if [ -z "${TILESERVER_POSTGIS:-}" ]; then
  . scripts/services/postgres.sh
  started_pg=1
fi
log "importing $sample into PostGIS"
dotnet "$host" import "$sample" --mode replace --to "$TILESERVER_POSTGIS" 2>&1 | grep -E 'rows in' >&2 || true

conn_part() { sed -n "s/.*$1=\([^;]*\).*/\1/p" <<<"$TILESERVER_POSTGIS"; }
pg_host=$(conn_part Host) pg_port=$(conn_part Port) pg_db=$(conn_part Database) pg_user=$(conn_part Username) pg_password=$(conn_part Password)
rows=$(PGPASSWORD=$pg_password psql -X -qAt -h "$pg_host" -p "$pg_port" -U "$pg_user" -d "$pg_db" -c "SELECT count(*) FROM $layer")
log "$layer holds $rows rows"

# --- our servers --------------------------------------------------------------------------------------
wait_health() { # port pid name
  local i
  for i in $(seq 1 600); do
    curl -fs "http://127.0.0.1:$1/health" >/dev/null 2>&1 && return 0
    kill -0 "$2" 2>/dev/null || { log "$3 exited: $(tail -n 5 "$work/$3.log")"; exit 1; }
    sleep 0.5
  done
  log "$3 did not start"; exit 1
}
limits=(--TileServer:Cache:MemoryMegabytes=0 --TileServer:Cache:Redis= "--TileServer:Wfs:MaxCount=$((huge > big ? huge : big))" "--TileServer:OgcApi:MaxLimit=$((huge > big ? huge : big))" ${ours_args[@]+"${ours_args[@]}"})
pg_port_ours=$(free_port)
TILESERVER_REDIS= dotnet "$host" --urls "http://127.0.0.1:$pg_port_ours" "${limits[@]}" >"$work/ours-pg.log" 2>&1 &
pg_pid=$!; pids+=("$pg_pid")
gpkg_port_ours=$(free_port)
env -u TILESERVER_POSTGIS TILESERVER_REDIS= dotnet "$host" --urls "http://127.0.0.1:$gpkg_port_ours" "${limits[@]}" \
  "--TileServer:Sources:sample:Path=$sample" --TileServer:Sources:sample:GenerateSampleIfMissing=false >"$work/ours-gpkg.log" 2>&1 &
gpkg_pid=$!; pids+=("$gpkg_pid")

# --- MapServer 8 as FastCGI under lighttpd ----------------------------------------------------------------
ms_port=$(free_port)
mkdir -p "$work/www"
cat >"$work/mapserver.conf" <<EOF
CONFIG
  ENV
    MS_MAPFILE "$work/bench.map"
    MS_ERRORFILE "$work/mapserver-errors.log"
  END
END
EOF
cat >"$work/bench.map" <<EOF
MAP
  NAME "bench"
  EXTENT 73 3 136 54
  PROJECTION "init=epsg:4490" END
  WEB
    METADATA
      "wfs_title" "feature streaming benchmark"
      "wfs_onlineresource" "http://127.0.0.1:$ms_port/mapserv?"
      "wfs_srs" "EPSG:4490"
      "wfs_enable_request" "*"
      "wfs_getfeature_formatlist" "geojson"
    END
  END
  OUTPUTFORMAT
    NAME "geojson"
    DRIVER "OGR/GEOJSON"
    MIMETYPE "application/json; subtype=geojson"
    FORMATOPTION "STORAGE=stream"
    FORMATOPTION "FORM=SIMPLE"
  END
  LAYER
    NAME "$layer"
    TYPE POLYGON
    STATUS ON
    CONNECTIONTYPE POSTGIS
    CONNECTION "host=$pg_host port=$pg_port dbname=$pg_db user=$pg_user password=$pg_password"
    DATA "geom FROM $layer USING UNIQUE fid USING SRID=4490"
    PROJECTION "init=epsg:4490" END
    METADATA
      "wfs_title" "$layer"
      "wfs_srs" "EPSG:4490"
      "gml_include_items" "all"
      "gml_featureid" "fid"
      "gml_types" "auto"
      "wfs_enable_request" "*"
    END
  END
END
EOF
cat >"$work/lighttpd.conf" <<EOF
server.document-root = "$work/www"
server.bind = "127.0.0.1"
server.port = $ms_port
server.errorlog = "$work/lighttpd-errors.log"
server.modules = ( "mod_fastcgi" )
fastcgi.server = ( "/mapserv" => ((
  "socket" => "$work/mapserv.sock",
  "bin-path" => "/usr/bin/mapserv",
  "bin-environment" => ( "MAPSERVER_CONFIG_FILE" => "$work/mapserver.conf" ),
  "max-procs" => $(nproc),
  "check-local" => "disable"
)))
EOF
setsid lighttpd -D -f "$work/lighttpd.conf" >"$work/lighttpd.log" 2>&1 &
ms_pid=$!; pids+=("$ms_pid")

wait_health "$pg_port_ours" "$pg_pid" ours-pg
wait_health "$gpkg_port_ours" "$gpkg_pid" ours-gpkg
for _ in $(seq 1 60); do curl -fs -o /dev/null "http://127.0.0.1:$ms_port/mapserv?SERVICE=WFS&REQUEST=GetCapabilities" && break; sleep 0.5; done
log "servers up: ours-pg :$pg_port_ours, ours-gpkg :$gpkg_port_ours, mapserver :$ms_port"

# --- targets -----------------------------------------------------------------------------------------------
# url_for TARGET N START: the request for N features from START.
url_for() {
  local n=$2 start=$3
  case $1 in
    ours-pg-wfs-gml) echo "http://127.0.0.1:$pg_port_ours/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=gh:$layer&COUNT=$n&STARTINDEX=$start" ;;
    ours-pg-wfs-json) echo "http://127.0.0.1:$pg_port_ours/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=gh:$layer&COUNT=$n&STARTINDEX=$start&OUTPUTFORMAT=application/json" ;;
    ours-pg-items) echo "http://127.0.0.1:$pg_port_ours/collections/$layer/items?f=json&limit=$n&offset=$start" ;;
    ours-gpkg-wfs-gml) echo "http://127.0.0.1:$gpkg_port_ours/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=gh:$layer&COUNT=$n&STARTINDEX=$start" ;;
    ours-gpkg-wfs-json) echo "http://127.0.0.1:$gpkg_port_ours/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=gh:$layer&COUNT=$n&STARTINDEX=$start&OUTPUTFORMAT=application/json" ;;
    ours-gpkg-items) echo "http://127.0.0.1:$gpkg_port_ours/collections/$layer/items?f=json&limit=$n&offset=$start" ;;
    mapserver-wfs-gml) echo "http://127.0.0.1:$ms_port/mapserv?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=$layer&COUNT=$n&STARTINDEX=$start" ;;
    mapserver-wfs-json) echo "http://127.0.0.1:$ms_port/mapserv?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=$layer&COUNT=$n&STARTINDEX=$start&OUTPUTFORMAT=geojson" ;;
  esac
}
targets=(ours-pg-wfs-gml ours-pg-wfs-json ours-pg-items ours-gpkg-wfs-gml ours-gpkg-wfs-json ours-gpkg-items mapserver-wfs-gml mapserver-wfs-json)

# Features in a response body: GML members or GeoJSON features.
features_in() {
  python3 - "$1" <<'PY'
import json, re, sys
data = open(sys.argv[1], 'rb').read()
if data.lstrip()[:1] == b'{':
    print(len(json.loads(data)['features']))
else:
    print(len(re.findall(rb'<wfs:member[ >]', data)))
PY
}
# measure URL [FILE]: "seconds bytes" of one request; fails on a status other than 200.
measure() {
  local out code
  out=$(curl -s -o "${2:-/dev/null}" -w '%{time_total} %{size_download} %{http_code}' "$1")
  code=${out##* }
  [ "$code" = 200 ] || { log "HTTP $code from $1"; return 1; }
  echo "${out% *}"
}
check() { # target n start: warm once, check the feature count
  local got
  measure "$(url_for "$1" "$2" "$3")" "$work/body" >/dev/null
  got=$(features_in "$work/body")
  [ "$got" = "$2" ] || log "warning: $1 returned $got features, expected $2 (body: $(head -c 300 "$work/body"))"
}

load() { cut -d' ' -f1 /proc/loadavg; }
report=$work/report.md
say() { printf '%s\n' "$*" | tee -a "$report"; }

# series TITLE N START ROUNDS: one table of medians for every target.
series() {
  local title=$1 n=$2 start=$3 runs=$4 target r
  declare -A times=() bytes=()
  for target in "${targets[@]}"; do check "$target" "$n" "$start"; done
  local load_before; load_before=$(load)
  for r in $(seq 1 "$runs"); do
    for target in "${targets[@]}"; do
      read -r t b < <(measure "$(url_for "$target" "$n" "$start")")
      times[$target]+="$t "; bytes[$target]=$b
    done
  done
  say ""
  say "### $title ($n features from $start, $runs rounds, load $load_before → $(load))"
  say ""
  say "| target | median ms | min ms | max ms | features/s | MB | MapServer (same format) / ours |"
  say "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
  local ms_gml ms_json
  # shellcheck disable=SC2086
  ms_gml=$(median ${times[mapserver-wfs-gml]}); ms_json=$(median ${times[mapserver-wfs-json]})
  for target in "${targets[@]}"; do
    # shellcheck disable=SC2086
    local med lo hi peer
    med=$(median ${times[$target]}); lo=$(printf '%s\n' ${times[$target]} | sort -g | head -1); hi=$(printf '%s\n' ${times[$target]} | sort -g | tail -1)
    case $target in *gml) peer=$ms_gml ;; *) peer=$ms_json ;; esac
    python3 -c "import sys; m,lo,hi,n,b,p=map(float,sys.argv[1:]); print('| %s | %.1f | %.1f | %.1f | %.0f | %.2f | %.2f× |' % ('$target', m*1e3, lo*1e3, hi*1e3, n/m, b/1e6, p/m))" \
      "$med" "$lo" "$hi" "$n" "${bytes[$target]}" "$peer" | tee -a "$report"
  done
}

vm() { awk -v k="$2:" '$1 == k { print $2 }' "/proc/$1/status"; }
peak_rss() { # name pid url
  local before after t
  before=$(vm "$2" VmRSS)
  echo 5 >"/proc/$2/clear_refs" # resets VmHWM to the current RSS (proc(5))
  read -r t _ < <(measure "$3")
  after=$(vm "$2" VmHWM)
  say "| $1 | $huge | $(python3 -c "print('%.1f' % float('$t'))") | $(python3 -c "print('%.0f' % ($huge / float('$t')))") | $((before / 1024)) | $((after / 1024)) |"
}

say "## Run $(date -u +%Y-%m-%dT%H:%MZ): $layer, $rows rows, sample $(basename "$sample"), $(nproc) cores, load $(load)"
say ""
say "MapServer: $(mapserv -v | head -c 40); PostgreSQL: $(psql --version | awk '{print $3}'); curl time_total; our extra arguments: ${OURS_ARGS:-none}."
wanted() { [[ $series_wanted == *" $1 "* ]]; }
if wanted first; then series "First page" "$count" 0 "$rounds"; fi
if wanted deep; then series "Deep page" "$count" "$deep" "$rounds"; fi
if wanted big; then series "Large stream" "$big" 0 "$big_rounds"; fi
if ! wanted huge; then
  if [ -n "${OUT:-}" ]; then cp "$report" "$OUT"; fi
  exit 0
fi

say ""
say "### Peak memory while streaming $huge features (VmHWM after a reset to the current RSS)"
say ""
say "| server and format | features | seconds | features/s | RSS before MB | peak RSS MB |"
say "| --- | ---: | ---: | ---: | ---: | ---: |"
peak_rss "ours-pg WFS GeoJSON" "$pg_pid" "$(url_for ours-pg-wfs-json "$huge" 0)"
peak_rss "ours-pg WFS GML" "$pg_pid" "$(url_for ours-pg-wfs-gml "$huge" 0)"
peak_rss "ours-gpkg WFS GeoJSON" "$gpkg_pid" "$(url_for ours-gpkg-wfs-json "$huge" 0)"
peak_rss "ours-gpkg WFS GML" "$gpkg_pid" "$(url_for ours-gpkg-wfs-gml "$huge" 0)"
for pid in $(pgrep -P "$ms_pid" || true); do
  say "| mapserv process $pid after its streams (VmHWM over its lifetime) | | | | | $(( $(vm "$pid" VmHWM) / 1024 )) |"
done

if [ -n "${OUT:-}" ]; then cp "$report" "$OUT"; log "report written to $OUT"; fi
