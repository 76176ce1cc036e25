# Sourced by the scripts in this folder: picks JDK 25 and checks Node.
# shellcheck shell=bash

find_jdk25() {
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]] \
    && "$JAVA_HOME/bin/java" -version 2>&1 | grep -qE 'version "25'; then
    return 0
  fi
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/java-25-openjdk-amd64 /usr/lib/jvm/jdk-25*; do
    if [[ -x "$candidate/bin/java" ]]; then
      export JAVA_HOME="$candidate"
      return 0
    fi
  done
  echo "Sextant needs JDK 25: install it (e.g. Temurin 25) and set JAVA_HOME." >&2
  exit 1
}

check_node() {
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    echo "Sextant's console is built with Node.js 20+ and npm: install them (apt-get install nodejs npm)." >&2
    exit 1
  fi
  local major
  major="$(node -p 'process.versions.node.split(".")[0]')"
  if (( major < 20 )); then
    echo "Sextant needs Node.js 20 or newer, found $(node --version)." >&2
    exit 1
  fi
}

find_jdk25
export PATH="$JAVA_HOME/bin:$PATH"
check_node
