#!/usr/bin/env bash
# Resumable upload benchmark (issue 6): the same kind of generated chest CT (300 slices, 512x512,
# 16-bit, PHI included) sent into this product's upload sessions three ways, on one machine, into one
# server: (1) the clinic's command line, tus 1.0 with a SHA-256 checksum per 4 MiB chunk
# (scripts/upload-study --already-deidentified: the server de-identifies, as for the others), three
# files at a time (its default) and, for comparison, one at a time (--parallel 1),
# (2) dcmtk's storescu (DICOM C-STORE), (3) STOW-RS (one multipart POST per 25 files, curl).
# Each pass sends a fresh study (new UIDs) per way into a fresh upload session; prints instances/s per
# way (median of the measured passes) and the ratios. Also times the command line with its local
# de-identification (the default) once. Loopback only; every process started here is stopped by its
# pid at the end.
#   UPLOAD_SLICES  slices per study (300)   UPLOAD_PASSES  measured passes (2; one warm-up pass first)
#   UPLOAD_WAR, UPLOAD_JAR  other artefacts (default ris-app/target/ris.war, payara-micro.jar)
#   UPLOAD_KEEP=true  keep the temporary directory (logs) for inspection
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD

war=${UPLOAD_WAR:-ris-app/target/ris.war}
jar=${UPLOAD_JAR:-ris-app/target/payara-micro.jar}
slices=${UPLOAD_SLICES:-300}
passes=${UPLOAD_PASSES:-2}
for tool in storescu curl python3; do
  command -v "$tool" >/dev/null || { echo "resumable-upload: $tool is missing (scripts/setup installs it)" >&2; exit 2; }
done
if [ ! -f "$war" ] || [ ! -f "$jar" ] || [ ! -d anonymizer/target/lib ]; then
  echo "resumable-upload: build first: mvn -B -ntp -q package -pl ris-app,anonymizer -am -DskipTests" >&2
  exit 2
fi
anon_jar=$(ls anonymizer/target/anonymizer-*.jar | grep -v -e sources -e tests | head -n 1)

. scripts/bench/common.sh

tmp=$(mktemp -d /tmp/resumable-upload.XXXXXX)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do stop_pid "$pid"; done
  if [ "${UPLOAD_KEEP:-false}" = true ]; then echo "resumable-upload: kept $tmp"; else rm -rf "$tmp"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM
export TCP_NODELAY=1

echo "resumable-upload: $(date -u +%FT%TZ) $(nproc) cores, load average: $(cut -d' ' -f1-3 /proc/loadavg)"
generator="$root/it-tests/src/test/java/org/teleris/it/SyntheticCt.java"
seed=$(( $(date +%s) % 100000 * 100 ))
study() { # $1 folder: a fresh study (new UIDs)
  seed=$((seed + 1))
  java -cp /usr/share/java/pixelmed.jar "$generator" "$1" "$slices" 512 "$seed" >/dev/null
}

# ---- the product -----------------------------------------------------------------------------
cp "$jar" "$tmp/bench-micro.jar"; cp "$war" "$tmp/ris.war"
http=$(free_port); dicom=$(free_port)
mkdir -p "$tmp/product/logs"
RIS_DATA_DIR="$tmp/product" RIS_DB_URL="jdbc:h2:file:$tmp/product/db/ris;DB_CLOSE_ON_EXIT=FALSE" RIS_DB_USER=sa \
RIS_DB_PASSWORD=ris-bench RIS_DEMO_SEED=true RIS_DICOM_PORT="$dicom" \
  java -Xmx1g -jar "$tmp/bench-micro.jar" --deploy "$tmp/ris.war" --contextroot / --port "$http" \
  --nocluster --nohazelcast --rootdir "$tmp/product/payara" --logproperties "$root/ris-app/src/main/payara/logging.properties" \
  > "$tmp/product/logs/server.log" 2>&1 &
server=$!; pids+=("$server")
deadline=$(( $(date +%s) + 300 ))
until curl -fsS -o /dev/null --max-time 5 "http://127.0.0.1:$http/health/ready" 2>/dev/null; do
  if ! kill -0 "$server" 2>/dev/null || [ "$(date +%s)" -gt "$deadline" ]; then
    echo "resumable-upload: the product did not start; last lines of its log:" >&2; tail -n 30 "$tmp/product/logs/server.log" >&2; exit 1
  fi
  sleep 1
done
base="http://127.0.0.1:$http"
api() { # $1 cookie jar, $2 method, $3 path, $4 body
  curl -fsS -b "$1" -c "$1" -X "$2" -H 'Content-Type: application/json' -H 'Accept: application/json' \
    ${4:+--data "$4"} "$base/$3"
}
doctor="$tmp/doctor.cookies"; consultant="$tmp/consultant.cookies"
api "$doctor" POST api/auth/login '{"username":"doctor.north","password":"north-demo"}' >/dev/null
api "$consultant" POST api/auth/login '{"username":"consultant","password":"consultant-demo"}' >/dev/null
# The real workflow opens an upload session: a doctor asks, a consultant claims and requests the full study.
open_session() { # prints the session id
  local case
  case=$(api "$doctor" POST api/cases '{"question":"Bilateral ground glass, please review","modality":"CT","bodyPart":"CHEST"}' \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  api "$consultant" POST "api/cases/$case/claim" '' >/dev/null
  api "$consultant" POST "api/cases/$case/request-full-study" '{"text":"Send the full chest CT"}' >/dev/null
  api "$doctor" GET "api/upload-sessions/by-case/$case" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])'
}
stored() { api "$doctor" GET "api/upload-sessions/$1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["stored"])'; }
check() { # $1 way, $2 session; then completes the session, so the next C-STORE finds only the next one open
  local n; n=$(stored "$2")
  [ "$n" = "$slices" ] || echo "resumable-upload: $1 stored $n of $slices" >&2
  api "$doctor" POST "api/upload-sessions/$2/complete" '' >/dev/null || echo "resumable-upload: completing $2 failed" >&2
}
now() { date +%s.%N; }
since() { echo "$(now) - $1" | bc; }

cli() { # $1 session, $2 study, $3 work, more: extra arguments; prints seconds
  local started; started=$(now)
  RIS_PASSWORD=north-demo java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$anon_jar:anonymizer/target/lib/*" \
    org.teleris.anonymizer.interfaces.UploadCommand --server "$base/" --user doctor.north --session "$1" \
    --work "$3" "${@:4}" "$2" > "$3.log" 2>&1 || { echo "resumable-upload: upload-study failed:" >&2; tail -n 5 "$3.log" >&2; }
  since "$started"
}
storescu_send() { # $1 study; prints seconds
  local started; started=$(now)
  storescu -aet NORTH_CT -aec TELERIS +sd +r --no-halt 127.0.0.1 "$dicom" "$1" > "$1.storescu.log" 2>&1 || true
  since "$started"
}
stow() { # $1 session, $2 study; prints seconds (bodies built before the clock starts, 25 files each)
  mkdir -p "$2.stow"
  python3 - "$2" "$2.stow" <<'PY'
import os, sys
files = sorted(os.path.join(sys.argv[1], f) for f in os.listdir(sys.argv[1]))
for i in range(0, len(files), 25):
    with open(os.path.join(sys.argv[2], "%04d" % i), "wb") as out:
        for f in files[i:i + 25]:
            out.write(b"--bench-boundary\r\nContent-Type: application/dicom\r\n\r\n")
            out.write(open(f, "rb").read())
            out.write(b"\r\n")
        out.write(b"--bench-boundary--\r\n")
PY
  local started; started=$(now)
  for body in "$2.stow"/*; do
    curl -fsS -o /dev/null -b "$doctor" -H 'Content-Type: multipart/related; type="application/dicom"; boundary=bench-boundary' \
      -H 'Accept: application/dicom+json' --data-binary "@$body" "$base/api/dicomweb/studies?session=$1" \
      || echo "resumable-upload: a STOW request failed" >&2
  done
  since "$started"
}
rate() { echo "scale=1; $slices / $1" | bc; }

tus_times=(); tus1_times=(); cstore_times=(); stow_times=()
for pass in $(seq 0 "$passes"); do
  for way in tus tus1 cstore stow; do
    s=$(open_session); sleep 1
    study "$tmp/$way$pass"
    case $way in
      tus) t=$(cli "$s" "$tmp/$way$pass" "$tmp/work-$way$pass" --already-deidentified) ;;
      tus1) t=$(cli "$s" "$tmp/$way$pass" "$tmp/work-$way$pass" --already-deidentified --parallel 1) ;;
      cstore) t=$(storescu_send "$tmp/$way$pass") ;;
      stow) t=$(stow "$s" "$tmp/$way$pass") ;;
    esac
    check "$way" "$s"
    echo "resumable-upload: pass $pass $way ${t}s"
    if [ "$pass" -gt 0 ]; then eval "${way}_times+=(\"$t\")"; fi
    rm -rf "$tmp/$way$pass" "$tmp/$way$pass.stow"
  done
done
tus_t=$(printf '%s\n' "${tus_times[@]}" | median)
tus1_t=$(printf '%s\n' "${tus1_times[@]}" | median)
cstore_t=$(printf '%s\n' "${cstore_times[@]}" | median)
stow_t=$(printf '%s\n' "${stow_times[@]}" | median)
echo "resumable-upload: tus (upload-study)  median ${tus_t}s  $(rate "$tus_t") instances/s  (passes: ${tus_times[*]})"
echo "resumable-upload: tus, --parallel 1   median ${tus1_t}s  $(rate "$tus1_t") instances/s  (passes: ${tus1_times[*]})"
echo "resumable-upload: C-STORE (storescu)  median ${cstore_t}s  $(rate "$cstore_t") instances/s  (passes: ${cstore_times[*]})"
echo "resumable-upload: STOW-RS (curl)      median ${stow_t}s  $(rate "$stow_t") instances/s  (passes: ${stow_times[*]})"
echo "resumable-upload: tus / C-STORE = $(echo "scale=2; $cstore_t / $tus_t" | bc)   tus / STOW-RS = $(echo "scale=2; $stow_t / $tus_t" | bc)   3 at a time / 1 at a time = $(echo "scale=2; $tus1_t / $tus_t" | bc)"

# The command line as a clinic runs it: local de-identification first, then the same uploads.
s=$(open_session); sleep 1
study "$tmp/local"
printf 'northern-clinic-secret-0123456789' > "$tmp/clinic.secret"
t=$(cli "$s" "$tmp/local" "$tmp/work-local" --secret-file "$tmp/clinic.secret")
check "upload-study with local de-identification" "$s"
echo "resumable-upload: upload-study with local de-identification ${t}s  $(rate "$t") instances/s"
echo "resumable-upload: load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
