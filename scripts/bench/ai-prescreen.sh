#!/usr/bin/env bash
# Benchmark of the ai-prescreen library (issue 8): a synthetic 300-slice 512x512 chest CT through the
# whole stage II path (DICOM read, HU, resampling, ONNX Runtime, maps) and stage I previews (3 DICOM
# slices, a PNG screenshot) to a report with heat map. Warm-up first, then median / p95.
# Usage: scripts/bench/ai-prescreen.sh [slices=300] [passes=3] [previews=20]
set -euo pipefail
cd "$(dirname "$0")/../.."
OFFLINE=-o
mvn -B -ntp -q $OFFLINE -pl ai-prescreen test-compile >/dev/null 2>&1 || mvn -B -ntp -q -pl ai-prescreen test-compile
CP_FILE=$(mktemp)
trap 'rm -f "$CP_FILE"' EXIT
mvn -B -ntp -q $OFFLINE -pl ai-prescreen dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test >/dev/null
CP="ai-prescreen/target/classes:ai-prescreen/target/test-classes:$(cat "$CP_FILE")"
echo "ai-prescreen benchmark on $(nproc) cores ($(uname -m)), $(java -version 2>&1 | head -1)"
TIME_LOG=$(mktemp)
/usr/bin/time -v -o "$TIME_LOG" java -Xmx3g -Djava.awt.headless=true -cp "$CP" \
  org.teleris.ai.bench.PrescreenBenchmark "${1:-300}" "${2:-3}" "${3:-20}"
awk -F': ' '/Maximum resident set size/ {printf "process peak RSS: %.0f MB\n", $2/1024}' "$TIME_LOG"
rm -f "$TIME_LOG"
