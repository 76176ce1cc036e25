#!/usr/bin/env bash
# Prints the ClickHouse DDL of Sextant's schema for a cluster, e.g.
#   scripts/cluster-schema.sh --cluster analytics [--database sextant] [--unreplicated] [--per-node]
# See deploy/clickhouse/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh >&2
./mvnw -B -ntp -q -pl event-store -am install -DskipTests >&2
./mvnw -B -ntp -q -pl event-store exec:java \
  -Dexec.mainClass=dev.sextant.store.clickhouse.ClusterSchemaCommand \
  -Dexec.args="$*"
