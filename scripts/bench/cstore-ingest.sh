#!/usr/bin/env bash
# C-STORE ingest benchmark (issue 6): the same generated chest CT (300 slices, 512x512, 16-bit,
# explicit VR little endian, PHI in names, IDs, dates, UIDs, free text and private tags) sent by
# dcmtk's storescu into (1) this product (de-identify + verify + store + index into an upload
# session), (2) dcmtk's storescp (bare write) and (3) Orthanc (store + index), in one run.
# Prints instances/s per receiver (median of the measured passes) and the product's ratios, then
# the product's peak heap while it receives a ~1 GB study with -Xmx512m. Loopback only; every
# process started here is stopped by its pid at the end. See scripts/bench/README.md.
#   CSTORE_SLICES   slices per study (300)        CSTORE_PASSES  measured passes (3)
#   CSTORE_WARMUP   passes before them, not measured, for every receiver (1); the product's JIT reaches its
#                   steady state after some 1,500 instances, so CSTORE_WARMUP=5 shows the warm server
#   CSTORE_BIG_SLICES  slices of the ~1 GB study (2000; 0 skips the heap check)
#   CSTORE_WAR, CSTORE_JAR  other artefacts (default ris-app/target/ris.war, payara-micro.jar)
#   CSTORE_KEEP=true  keep the temporary directory (logs) for inspection
#   CSTORE_ANCHORS=false  skip storescp and Orthanc (A/B runs of two product builds; no ratios then)
#   CSTORE_JAVA_OPTS  extra options for the product's JVM, e.g. a flight recording:
#                     '-XX:StartFlightRecording=filename=/tmp/ingest.jfr,settings=profile'
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD

war=${CSTORE_WAR:-ris-app/target/ris.war}
jar=${CSTORE_JAR:-ris-app/target/payara-micro.jar}
slices=${CSTORE_SLICES:-300}
passes=${CSTORE_PASSES:-3}
warmup=${CSTORE_WARMUP:-1}
last=$((warmup + passes - 1))
big=${CSTORE_BIG_SLICES:-2000}
for tool in storescu storescp Orthanc curl jstat; do
  command -v "$tool" >/dev/null || { echo "cstore-ingest: $tool is missing (scripts/setup installs it)" >&2; exit 2; }
done
if [ ! -f "$war" ] || [ ! -f "$jar" ]; then
  echo "cstore-ingest: $war or $jar is missing; build it first: mvn -B -ntp -q install -pl ris-app -am -DskipTests" >&2
  exit 2
fi

. scripts/bench/common.sh

tmp=$(mktemp -d /tmp/cstore-ingest.XXXXXX)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do stop_pid "$pid"; done
  if [ "${CSTORE_KEEP:-false}" = true ]; then echo "cstore-ingest: kept $tmp"; else rm -rf "$tmp"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM
export TCP_NODELAY=1   # both sides of every dcmtk connection (see shared BENCHMARKS pitfalls)

echo "cstore-ingest: $(date -u +%FT%TZ) $(nproc) cores, load average: $(cut -d' ' -f1-3 /proc/loadavg)"
generator="$root/it-tests/src/test/java/org/teleris/it/SyntheticCt.java"
for pass in $(seq 0 "$last"); do
  java -cp /usr/share/java/pixelmed.jar "$generator" "$tmp/study$pass" "$slices" 512 "$((100 + pass))" >/dev/null
done
echo "cstore-ingest: $((last + 1)) studies of $slices slices ($(du -sm "$tmp/study0" | cut -f1) MB each), $warmup warm-up pass(es) first"

# storescu of one study; prints seconds. $1 port, $2 called AE, $3 calling AE, $4 folder
send() {
  local started ended out
  out="$tmp/storescu-$(basename "$4").log"
  started=$(date +%s.%N)
  storescu -v -aet "$3" -aec "$2" +sd +r --no-halt 127.0.0.1 "$1" "$4" > "$out" 2>&1 || true
  ended=$(date +%s.%N)
  local ok
  ok=$(grep -c 'Received Store Response (Success)' "$out" || true)
  if [ "$ok" -ne "$slices" ] && [ "$ok" -ne "$(find "$4" -type f | wc -l)" ]; then
    echo "cstore-ingest: only $ok stores succeeded; last lines:" >&2; tail -n 5 "$out" >&2
  fi
  echo "$ended - $started" | bc
}
rate() { echo "scale=1; $slices / $1" | bc; }

anchors=${CSTORE_ANCHORS:-true}
# ---- dcmtk storescp: bare write --------------------------------------------------------------
if [ "$anchors" = true ]; then
scp_port=$(free_port)
scp_times=()
for pass in $(seq 0 "$last"); do
  mkdir -p "$tmp/storescp$pass"
  storescp -aet STORESCP -od "$tmp/storescp$pass" "$scp_port" > "$tmp/storescp.log" 2>&1 &
  pid=$!; pids+=("$pid"); sleep 0.5
  t=$(send "$scp_port" STORESCP NORTH_CT "$tmp/study$pass")
  sync
  stop_pid "$pid"
  [ "$pass" -ge "$warmup" ] && scp_times+=("$t")
  rm -rf "$tmp/storescp$pass"
done
scp_t=$(printf '%s\n' "${scp_times[@]}" | median)
echo "cstore-ingest: storescp   median ${scp_t}s  $(rate "$scp_t") instances/s  (passes: ${scp_times[*]})"

# ---- Orthanc: store + index ------------------------------------------------------------------
orthanc_times=()
for pass in $(seq 0 "$last"); do
  dport=$(free_port); hport=$(free_port)
  mkdir -p "$tmp/orthanc$pass"
  cat > "$tmp/orthanc$pass/orthanc.json" <<JSON
{ "Name": "cstore-bench", "StorageDirectory": "$tmp/orthanc$pass/storage", "IndexDirectory": "$tmp/orthanc$pass/index",
  "DicomAet": "ORTHANC", "DicomPort": $dport, "HttpPort": $hport, "RemoteAccessAllowed": false,
  "AuthenticationEnabled": false, "DicomCheckCalledAet": false, "Plugins": [], "StorageCompression": false }
JSON
  Orthanc "$tmp/orthanc$pass/orthanc.json" > "$tmp/orthanc$pass/orthanc.log" 2>&1 &
  pid=$!; pids+=("$pid")
  until curl -fsS -o /dev/null "http://127.0.0.1:$hport/system" 2>/dev/null; do sleep 0.2; done
  t=$(send "$dport" ORTHANC NORTH_CT "$tmp/study$pass")
  stored=$(curl -fsS "http://127.0.0.1:$hport/statistics" | sed -n 's/.*"CountInstances" : \([0-9]*\).*/\1/p')
  [ "$stored" = "$slices" ] || echo "cstore-ingest: Orthanc indexed $stored of $slices" >&2
  stop_pid "$pid"
  [ "$pass" -ge "$warmup" ] && orthanc_times+=("$t")
  rm -rf "$tmp/orthanc$pass"
done
orthanc_t=$(printf '%s\n' "${orthanc_times[@]}" | median)
echo "cstore-ingest: Orthanc    median ${orthanc_t}s  $(rate "$orthanc_t") instances/s  (passes: ${orthanc_times[*]})"
fi

# ---- the product -----------------------------------------------------------------------------
cp "$jar" "$tmp/bench-micro.jar"; cp "$war" "$tmp/ris.war"
start_product() { # $1 data dir, $2 heap; sets http, dicom, server
  http=$(free_port); dicom=$(free_port)
  mkdir -p "$1/logs"
  RIS_DATA_DIR="$1" RIS_DB_URL="jdbc:h2:file:$1/db/ris;DB_CLOSE_ON_EXIT=FALSE" RIS_DB_USER=sa \
  RIS_DB_PASSWORD=ris-bench RIS_DEMO_SEED=true RIS_DICOM_PORT="$dicom" \
    java "-Xmx$2" ${CSTORE_JAVA_OPTS:-} -jar "$tmp/bench-micro.jar" --deploy "$tmp/ris.war" --contextroot / --port "$http" \
    --nocluster --nohazelcast --rootdir "$1/payara" --logproperties "$root/ris-app/src/main/payara/logging.properties" \
    > "$1/logs/server.log" 2>&1 &
  server=$!; pids+=("$server")
  local deadline=$(( $(date +%s) + 300 ))
  until curl -fsS -o /dev/null --max-time 5 "http://127.0.0.1:$http/health/ready" 2>/dev/null; do
    if ! kill -0 "$server" 2>/dev/null || [ "$(date +%s)" -gt "$deadline" ]; then
      echo "cstore-ingest: the product did not start; last lines of its log:" >&2; tail -n 30 "$1/logs/server.log" >&2; exit 1
    fi
    sleep 1
  done
}
api() { # $1 cookie jar, $2 method, $3 path, $4 body
  curl -fsS -b "$1" -c "$1" -X "$2" -H 'Content-Type: application/json' -H 'Accept: application/json' \
    ${4:+--data "$4"} "http://127.0.0.1:$http/$3"
}
# The real workflow opens the upload session: a doctor asks, a consultant claims and requests the full study.
open_session() {
  local doctor="$tmp/doctor.cookies" consultant="$tmp/consultant.cookies" case
  api "$doctor" POST api/auth/login '{"username":"doctor.north","password":"north-demo"}' >/dev/null
  api "$consultant" POST api/auth/login '{"username":"consultant","password":"consultant-demo"}' >/dev/null
  case=$(api "$doctor" POST api/cases '{"question":"Bilateral ground glass, please review","modality":"CT","bodyPart":"CHEST"}' \
    | sed -n 's/^{"id":"\([^"]*\)".*/\1/p; s/.*"id":"\([^"]*\)".*/\1/p' | head -n 1)
  api "$consultant" POST "api/cases/$case/claim" '' >/dev/null
  api "$consultant" POST "api/cases/$case/request-full-study" '{"text":"Send the full chest CT"}' >/dev/null
  sleep 2
}
product_times=()
start_product "$tmp/product" 512m
for pass in $(seq 0 "$last"); do
  open_session
  t=$(send "$dicom" TELERIS NORTH_CT "$tmp/study$pass")
  [ "$pass" -ge "$warmup" ] && product_times+=("$t")
done
product_t=$(printf '%s\n' "${product_times[@]}" | median)
echo "cstore-ingest: product    median ${product_t}s  $(rate "$product_t") instances/s  (passes: ${product_times[*]})"
if [ "$anchors" = true ]; then
  echo "cstore-ingest: product / storescp = $(echo "scale=2; $scp_t / $product_t" | bc)  (goal >= 0.8)"
  echo "cstore-ingest: product / Orthanc  = $(echo "scale=2; $orthanc_t / $product_t" | bc)  (goal >= 1.0)"
fi

# ---- peak heap for a ~1 GB study with -Xmx512m -------------------------------------------------
if [ "$big" -gt 0 ]; then
  rm -rf "$tmp"/study*
  java -cp /usr/share/java/pixelmed.jar "$generator" "$tmp/big" "$big" 512 999 >/dev/null
  echo "cstore-ingest: ~1 GB study: $big slices, $(du -sm "$tmp/big" | cut -f1) MB; product at -Xmx512m"
  open_session
  jstat -gc "$server" 500 > "$tmp/jstat.log" 2>&1 &
  jstat_pid=$!; pids+=("$jstat_pid")
  t=$(send "$dicom" TELERIS NORTH_CT "$tmp/big")
  kill "$jstat_pid" 2>/dev/null || true
  ok=$(grep -c 'Received Store Response (Success)' "$tmp/storescu-big.log" || true)
  peak=$(awk 'NR>1 && $1 ~ /^[0-9.]+$/ {u=$3+$4+$6+$8; if (u>m) m=u} END {printf "%.0f", m/1024}' "$tmp/jstat.log")
  # G1 lets the young generation fill the heap before it collects, so "used" always ends near -Xmx;
  # what tells whether the study fits is the old generation (what survived) and full collections.
  old_peak=$(awk 'NR>1 && $1 ~ /^[0-9.]+$/ {if ($8>m) m=$8} END {printf "%.0f", m/1024}' "$tmp/jstat.log")
  full_gcs=$(awk 'NR>1 && $1 ~ /^[0-9.]+$/ {if (!seen) {f=$15; seen=1}; l=$15} END {print l-f}' "$tmp/jstat.log")
  alive=$(kill -0 "$server" 2>/dev/null && echo alive || echo DEAD)
  oom=$(grep -c OutOfMemoryError "$tmp/product/logs/server.log" || true)
  echo "cstore-ingest: ~1 GB study: $ok of $big stored in ${t}s ($(echo "scale=1; $big / $t" | bc) instances/s), peak heap used ${peak} MB of 512 MB" \
    "(old generation peak ${old_peak} MB, full GCs ${full_gcs}), server $alive, OutOfMemoryError in log: $oom"
fi
echo "cstore-ingest: load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
