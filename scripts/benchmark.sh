#!/usr/bin/env bash
# The benchmark suite (issue 10): builds the benchmarks, then runs every one of them, each in its own
# JVM, against a ClickHouse server started privately for the run, and writes docs/benchmarks.md from
# their results: the machine, the commands, every figure next to its same-run baseline, the issues'
# targets, memory. Not part of the test command: a full run takes about an hour on 2 cores and
# needs about 40 GB of disk for 100 M events in both engines. Options: scripts/benchmark.sh --help
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v clickhouse-server >/dev/null; then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    echo "Installing clickhouse-server ..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends clickhouse-server clickhouse-client >/dev/null
  else
    echo "The suite needs clickhouse-server (Debian: apt-get install clickhouse-server), or --clickhouse URL." >&2
  fi
fi
source scripts/env.sh

if [[ ! -s benchmarks/target/classpath.txt || ( " $* " != *" --help "* && " $* " != *" -h "* ) ]]; then
  echo "Building the benchmarks ..."
  # One reactor: the classpath then names the modules' freshly built jars, nothing is installed.
  ./mvnw -B -ntp -q -pl benchmarks -am package dependency:build-classpath -DskipTests -Dspotless.check.skip=true \
    -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
fi
classpath="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt 2>/dev/null || true)"
mkdir -p target
"$JAVA_HOME/bin/java" -Xmx512m -cp "$classpath" dev.sextant.benchmarks.suite.BenchmarkSuite "$@" \
  2>&1 | tee target/benchmark-suite.log
