#!/usr/bin/env bash
# Runs the benchmarks of issues 6 and 19, processpool and CPython multiprocessing in the same run on this machine,
# and writes docs/benchmarks.md and docs/benchmarks.png. Takes about fifteen minutes on 2 cores: first the headline
# (fresh pools, as users meet them), processpool then CPython; then the settled figures, likewise.
#
#   bench/run.sh           the full run: figures for the docs
#   bench/run.sh --quick   one repetition of everything, report in target/bench/quick/ (checks the harness)
#   bench/run.sh --headline  the headline only (fresh pools), for docs/ (about half the time)
#
# Needs Java 17+, Maven and python3 (standard library only). Not part of `mvn verify`.
set -euo pipefail

cd "$(dirname "$0")/.."
root=$PWD
out=target/bench
docs=docs
quick=()
jmh_quick=()
headline_only=false
if [[ "${1:-}" == "--headline" ]]; then
    headline_only=true
fi
if [[ "${1:-}" == "--quick" ]]; then
    quick=(--quick)
    jmh_quick=(-wi 1 -i 1 -w 200ms -r 200ms)
    docs=$out/quick
fi
mkdir -p "$out" "$docs"
rm -f "$out"/{headline,python-headline,lifecycle,jmh,python}.json

load() { cut -d' ' -f1-3 /proc/loadavg; }

# The machine may be shared: sample the 1-minute load average every 10 s while the benchmarks run.
: > "$out/load-samples.txt"
(while sleep 10; do cut -d' ' -f1 /proc/loadavg >> "$out/load-samples.txt"; done) &
sampler=$!
trap 'kill "$sampler" 2>/dev/null || true' EXIT

echo "== building (profile bench)"
mvn -B -q -Pbench package dependency:build-classpath -DskipTests -Dinvoker.skip \
    -Dmdep.outputFile="$out/classpath.txt" -Dmdep.includeScope=test
# The library as users have it, a jar: worker JVMs then get their class-data archive (a classes directory cannot
# be archived).
jar=$(ls target/processpool-*.jar | grep -v -e sources -e javadoc | head -1)
classpath="$jar:target/test-classes:$(cat "$out/classpath.txt")"

{
    echo "date=$(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
    echo "cores=$(nproc)"
    echo "java=$(java -version 2>&1 | awk -F'"' 'NR==1 {print $2}')"
    echo "load.start=$(load)"
} > "$out/run-info.properties"
echo "   load average: $(load)"

echo "== processpool: the workers' class-data archive of this build"
java -cp "$classpath" dev.processpool.bench.PrepareArchive

SECONDS=0
echo "== headline, processpool: fresh pools (HeadlineBenchmark)"
java -cp "$classpath" dev.processpool.bench.HeadlineBenchmark "$out/headline.json" "${quick[@]}"
echo "load.headline.processpool=$(load)" >> "$out/run-info.properties"
echo "seconds.headline.processpool=$SECONDS" >> "$out/run-info.properties"
SECONDS=0
echo "   load average: $(load)"
echo "== headline, CPython: fresh pools (bench_mp.py --headline)"
python3 bench/python/bench_mp.py --headline "${quick[@]}" > "$out/python-headline.json"
echo "load.headline.cpython=$(load)" >> "$out/run-info.properties"
echo "seconds.headline.cpython=$SECONDS" >> "$out/run-info.properties"
echo "   load average: $(load)"

if ! $headline_only; then
SECONDS=0
echo "== processpool: whole pools (LifecycleBenchmark)"
java -cp "$classpath" dev.processpool.bench.LifecycleBenchmark "$out/lifecycle.json" "${quick[@]}"

echo "== processpool: steady state (JMH SteadyStateBenchmark; log in $out/jmh.log)"
java -cp "$classpath" org.openjdk.jmh.Main SteadyStateBenchmark "${jmh_quick[@]}" \
    -rf json -rff "$out/jmh.json" > "$out/jmh.log"
echo "load.processpool=$(load)" >> "$out/run-info.properties"
echo "seconds.processpool=$SECONDS" >> "$out/run-info.properties"
SECONDS=0
echo "   load average: $(load)"

echo "== CPython $(python3 -c 'import platform; print(platform.python_version())'): multiprocessing"
python3 bench/python/bench_mp.py "${quick[@]}" > "$out/python.json"
echo "load.cpython=$(load)" >> "$out/run-info.properties"
echo "seconds.cpython=$SECONDS" >> "$out/run-info.properties"
fi
kill "$sampler"
echo "load.samples=$(paste -sd' ' "$out/load-samples.txt")" >> "$out/run-info.properties"
echo "   load average: $(load)"

echo "== report"
java -cp "$classpath" dev.processpool.bench.BenchmarkReport "$out" "$docs"
echo "   wrote $docs/benchmarks.md and $docs/benchmarks.png"

# Every pool was closed: no worker, server or Python child of this run may be left.
sleep 2
leftover=$(ps -eo pid,args | grep -E "$root/(target|bench/python)" | grep -v grep || true)
if [[ -n "$leftover" ]]; then
    echo "WARNING: processes of this run are still alive:" >&2
    echo "$leftover" >&2
    exit 1
fi
