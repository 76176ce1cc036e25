#!/usr/bin/env bash
# Imports Sensors-format JSON-lines files (.jsonl or .jsonl.gz) into a running Sextant through its
# collector, with progress, a summary and resume (docs/import.md). Builds the tool on first use.
#   SEXTANT_API_KEY=sx_sec_... scripts/import.sh --project demo history.jsonl.gz
# Other options: --url http://host:8080, --batch-size N, --state-dir DIR, --restart, --help.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
source "$repo/scripts/env.sh"
jar=$(ls "$repo"/bulk-import/target/sextant-bulk-import-*-exec.jar 2>/dev/null | head -1 || true)
if [[ -z "$jar" ]]; then
  (cd "$repo" && ./mvnw -B -ntp -q install -DskipTests -pl bulk-import -am >&2)
  jar=$(ls "$repo"/bulk-import/target/sextant-bulk-import-*-exec.jar | head -1)
fi
exec "$JAVA_HOME/bin/java" -jar "$jar" "$@"
