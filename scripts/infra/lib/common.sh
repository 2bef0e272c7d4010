# shellcheck shell=bash
# Shared settings and helpers for infra.sh: paths, pinned versions, tool checks,
# process control and health waiting. Sourced, never executed.

# --- Pinned versions (change here, then `infra.sh reset` to reformat data) ---------
KAFKA_VERSION="4.3.1"          # 4.4.0 jars exist, but kafka-tools 4.4.0 (TopicCommand) is not served
SLF4J_VERSION="2.0.20"         # slf4j-simple backend: Kafka 4 logs through SLF4J, no log4j2 config needed
MVN_DEP_PLUGIN="org.apache.maven.plugins:maven-dependency-plugin:3.8.1"
ES_VERSION_DEFAULT="9.2.0"     # needs Java 21+ (the Temurin JDK under /usr/lib/jvm)
ES_VERSION_JDK17="8.19.21"     # opt-in with CXM_ES_VERSION: runs on Java 17, but only 8.x clients fit
FERRETDB_VERSION="v1.24.2"

# --- Locations ----------------------------------------------------------------------
INFRA_HOME="${CXM_INFRA_HOME:-$HOME/.cache/cxm-infra}"
RUN_DIR="$INFRA_HOME/run"
LOG_DIR="$RUN_DIR/logs"
M2_REPO="$INFRA_HOME/m2"       # private Maven repo: wiping INFRA_HOME gives a true cold start

# --- Ports (127.0.0.1 only: Node may resolve "localhost" to ::1) ---------------------
HOST="127.0.0.1"
KAFKA_PORT="${CXM_KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${CXM_KAFKA_CONTROLLER_PORT:-9093}"
ES_PORT="${CXM_ES_PORT:-9200}"
ES_TRANSPORT_PORT="${CXM_ES_TRANSPORT_PORT:-9300}"
MONGO_PORT="${CXM_MONGO_PORT:-27017}"

START_TIMEOUT="${CXM_INFRA_TIMEOUT:-240}"   # seconds per service, after install
STOP_TIMEOUT=30
ALL_SERVICES=(kafka elasticsearch ferretdb)

# --- Messages -----------------------------------------------------------------------
say() { printf '[%s] %s\n' "${SVC:-infra}" "$*" >&2; }
die() { say "error: $*"; exit 1; }

# Prints the one-line status the brief asks for: name, state, address.
status_line() { printf '%-14s %-9s %s\n' "$1" "$2" "$3"; }

# --- Tool checks --------------------------------------------------------------------
need_tool() {
  local tool="$1" why="$2"
  command -v "$tool" >/dev/null 2>&1 || die "missing tool: $tool ($why)"
}

# Major version of a java binary, e.g. 17 or 25 ("1.8.0" style answers give 1).
java_major() {
  "$1" -version 2>&1 | awk -F'"' '/version/ {split($2, v, "."); print v[1]; exit}'
}

# Finds a JDK home whose major version is within [min, max]; prints it or returns 1.
# Order: explicit override, JAVA_HOME, `java` on PATH, then every JDK under /usr/lib/jvm
# (highest version first, symlinked duplicates removed).
find_jdk() {
  local min="$1" max="$2" override="${3:-}" candidates=() home seen=" " major
  [[ -n "$override" ]] && candidates+=("$override")
  [[ -n "${JAVA_HOME:-}" ]] && candidates+=("$JAVA_HOME")
  command -v java >/dev/null 2>&1 && candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  while IFS= read -r home; do candidates+=("$home"); done \
    < <(printf '%s\n' /usr/lib/jvm/*/ | sort -rV)
  for home in "${candidates[@]}"; do
    home="$(readlink -f "$home")"
    [[ -x "$home/bin/java" && "$seen" != *" $home "* ]] || continue
    seen+="$home "
    major="$(java_major "$home/bin/java")"
    if [[ -n "$major" ]] && (( major >= min && major <= max )); then
      echo "$home"
      return 0
    fi
  done
  return 1
}

# --- Maven ----------------------------------------------------------------------------
# Maven's local repository is not safe for concurrent writers, and services install in
# parallel, so every mvn call takes one lock.
mvn_locked() {
  need_tool mvn "needed once to download jars/zips from Maven Central"
  mkdir -p "$M2_REPO"
  flock "$INFRA_HOME/.mvn.lock" mvn -B -q -Dmaven.repo.local="$M2_REPO" "$@"
}

# --- Processes ----------------------------------------------------------------------
pid_file() { echo "$RUN_DIR/$1/$1.pid"; }

# Prints the pid of a running service, or returns 1 (and drops a stale pid file).
running_pid() {
  local file pid
  file="$(pid_file "$1")"
  [[ -f "$file" ]] || return 1
  pid="$(cat "$file")"
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
    echo "$pid"
    return 0
  fi
  rm -f "$file"
  return 1
}

# Starts a command in its own session so `down` can signal the whole process group
# (runuser -> ES launcher -> ES server, for example), and records the leader's pid.
launch() {
  local svc="$1"
  local log="$LOG_DIR/$svc.log"
  shift
  mkdir -p "$LOG_DIR" "$RUN_DIR/$svc"
  printf '\n===== %s start %s =====\n' "$svc" "$(date -Is)" >>"$log"
  wc -l <"$log" >"$RUN_DIR/$svc/log-start-line"   # so failures show this run's lines only
  setsid "$@" >>"$log" 2>&1 </dev/null &
  echo $! >"$(pid_file "$svc")"
}

# SIGTERM the process group, wait, then SIGKILL whatever is left.
stop_service() {
  local svc="$1" pid waited=0
  pid="$(running_pid "$svc")" || return 0
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  while kill -0 -- "-$pid" 2>/dev/null && (( waited < STOP_TIMEOUT )); do
    sleep 1
    waited=$((waited + 1))
  done
  if kill -0 -- "-$pid" 2>/dev/null; then
    say "$svc did not stop within ${STOP_TIMEOUT}s, sending SIGKILL"
    kill -KILL -- "-$pid" 2>/dev/null || true
  fi
  rm -f "$(pid_file "$svc")"
}

# True when something (ours or not) accepts TCP connections on the port.
port_open() { (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; }

probe() { node "$INFRA_LIB/probe.js" "$@" >/dev/null 2>&1; }

# Prints the last lines the current run wrote to the service log.
show_run_log() {
  local start
  start="$(cat "$RUN_DIR/$1/log-start-line" 2>/dev/null || echo 0)"
  local lines
  lines="$(tail -n "+$((start + 1))" "$LOG_DIR/$1.log")"
  # The first errors usually name the cause; the tail shows how far startup got.
  grep -m 5 -E 'ERROR|FATAL|Exception|panic' <<<"$lines" | cut -c1-400 | sed 's/^/    ! /' >&2 || true
  tail -n 25 <<<"$lines" | cut -c1-400 | sed 's/^/    /' >&2
}

# Polls the service's health check until it passes, the process dies, or time runs out.
# On failure shows the end of the service log, which is where the reason usually is.
wait_healthy() {
  local svc="$1" deadline=$((SECONDS + START_TIMEOUT))
  until "health_$svc"; do
    if ! running_pid "$svc" >/dev/null; then
      say "$svc exited during startup; last log lines:"
      show_run_log "$svc"
      return 1
    fi
    if (( SECONDS >= deadline )); then
      say "$svc not healthy after ${START_TIMEOUT}s (CXM_INFRA_TIMEOUT); last log lines:"
      show_run_log "$svc"
      return 1
    fi
    sleep 1
  done
}
