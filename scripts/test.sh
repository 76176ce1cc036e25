#!/usr/bin/env bash
# Runs the whole test suite against real components: ClickHouse (Debian's clickhouse-server,
# started privately per run), Kafka (in-process KRaft broker), PostgreSQL (real server binaries
# from Maven Central), DuckDB and H2. On Debian/Ubuntu it installs what is missing first.
# Extra arguments go to Maven, e.g. scripts/test.sh -pl event-store -am
set -euo pipefail
cd "$(dirname "$0")/.."

install_missing_packages() {
  local missing=()
  command -v clickhouse-server >/dev/null || missing+=(clickhouse-server clickhouse-client)
  command -v chromium >/dev/null || missing+=(chromium)
  # A CJK font, so that the console's screenshots (ConsoleIT) show Chinese instead of boxes.
  [[ -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ]] || missing+=(fonts-wqy-microhei)
  if (( ${#missing[@]} == 0 )); then
    return 0
  fi
  if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null; then
    echo "Missing: ${missing[*]}. Install them (Debian: apt-get install ${missing[*]}) and run again." >&2
    exit 1
  fi
  echo "Installing ${missing[*]} ..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

install_missing_packages
source scripts/env.sh

start=$(date +%s)
./mvnw -B -ntp verify "$@"
echo "All tests passed in $(( $(date +%s) - start )) s."
