#!/usr/bin/env bash
# Builds Sextant and starts the embedded server: one process, no external services, DuckDB for
# events and H2 for metadata under ./data, with the demo project. Open http://localhost:8080
# Extra arguments go to the server, e.g. scripts/start.sh --server.port=9090
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

./mvnw -B -ntp -q -pl server -am package -DskipTests
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -jar server/target/sextant-server-0.1.0-SNAPSHOT-exec.jar "$@"
