#!/usr/bin/env bash
# Runs the real servers the integration tests need, natively on 127.0.0.1, no Docker:
#   Kafka (KRaft, single node)  127.0.0.1:${CXM_KAFKA_PORT:-9092}
#   Elasticsearch (single node) 127.0.0.1:${CXM_ES_PORT:-9200}
#   FerretDB (MongoDB wire)     127.0.0.1:${CXM_MONGO_PORT:-27017}
# See docs/infra.md. Downloads/builds are cached in ${CXM_INFRA_HOME:-~/.cache/cxm-infra}.
set -euo pipefail

INFRA_LIB="$(cd "$(dirname "${BASH_SOURCE[0]}")/lib" && pwd)"
# shellcheck source=lib/common.sh
source "$INFRA_LIB/common.sh"
# shellcheck source=lib/kafka.sh
source "$INFRA_LIB/kafka.sh"
# shellcheck source=lib/elasticsearch.sh
source "$INFRA_LIB/elasticsearch.sh"
# shellcheck source=lib/ferretdb.sh
source "$INFRA_LIB/ferretdb.sh"

usage() {
  cat <<EOF
usage: infra.sh COMMAND [SERVICE...]     services: ${ALL_SERVICES[*]} (default: all)
  up [--fresh]   install if needed, start, wait until healthy (--fresh wipes data first)
  down           stop (SIGTERM, then SIGKILL after ${STOP_TIMEOUT}s)
  status         print health lines; exit 1 if any service is down
  reset          stop and wipe runtime data (downloads stay cached)
  install        download/build only (e.g. to warm a CI cache)
  logs SERVICE   follow a service's log
  env            print the CXM_TEST_* connection variables the tests read, as exports
EOF
}

# Sets SVCS from the SERVICE arguments (default: all) and rejects unknown names.
services_from() {
  local svc
  (($# == 0)) && set -- "${ALL_SERVICES[@]}"
  for svc in "$@"; do
    [[ " ${ALL_SERVICES[*]} " == *" $svc "* ]] || die "unknown service '$svc' (expected: ${ALL_SERVICES[*]})"
  done
  SVCS=("$@")
}

# Health of one service as it stands now: healthy, starting (process up, probe failing),
# or down.
service_state() {
  local svc="$1"
  if ! running_pid "$svc" >/dev/null; then
    echo down
  elif "health_$svc"; then
    echo healthy
  else
    echo starting
  fi
}

# Install, start and wait for one service. Runs in a background subshell per service
# so the three start in parallel; the final status line goes to a result file.
up_one() {
  local svc="$1" result="$2"
  SVC="$svc"
  local state
  state="$(service_state "$svc")"
  if [[ "$state" == healthy ]]; then
    say "already running"
    status_line "$svc" healthy "$("addr_$svc")" >"$result"
    return 0
  fi
  if [[ "$state" == down ]] && port_open "$(port_of "$svc")"; then
    die "port $(port_of "$svc") is already taken by another process (set CXM_*_PORT to move it)"
  fi
  if [[ "$state" == down ]]; then
    install_"$svc"
    say "starting"
    start_"$svc"
  fi
  local started=$SECONDS
  if ! wait_healthy "$svc"; then
    # Stop the half-started server so the next `up` begins from a clean state.
    stop_service "$svc"
    status_line "$svc" failed "$("addr_$svc")" >"$result"
    return 1
  fi
  say "healthy after $((SECONDS - started))s"
  status_line "$svc" healthy "$("addr_$svc")" >"$result"
}

port_of() {
  case "$1" in
    kafka) echo "$KAFKA_PORT" ;;
    elasticsearch) echo "$ES_PORT" ;;
    ferretdb) echo "$MONGO_PORT" ;;
  esac
}

# Fails early, with one plain message, when a tool a requested service needs is absent.
check_tools() {
  local svc
  need_tool node "runs the health probes in scripts/infra/lib/probe.js"
  need_tool flock "serialises Maven downloads (util-linux)"
  for svc in "$@"; do
    case "$svc" in
      kafka) kafka_java >/dev/null
        [[ -f "$KAFKA_HOME/.installed" ]] || need_tool mvn "needed once to download Kafka jars" ;;
      elasticsearch) es_select
        [[ -f "$ES_HOME/.installed" ]] || need_tool mvn "needed once to download Elasticsearch" ;;
      ferretdb)
        [[ -x "$FERRETDB_HOME/bin/ferretdb" ]] || need_tool go "needed once to build FerretDB" ;;
    esac
  done
}

cmd_up() {
  local fresh=0 svcs=() svc failed=0 pids=()
  [[ "${1:-}" == --fresh ]] && { fresh=1; shift; }
  services_from "$@"
  svcs=("${SVCS[@]}")
  check_tools "${svcs[@]}"
  if ((fresh)); then cmd_reset "${svcs[@]}"; fi
  mkdir -p "$LOG_DIR"
  local results
  results="$(mktemp -d)"
  for svc in "${svcs[@]}"; do
    (up_one "$svc" "$results/$svc") &
    pids+=($!)
  done
  for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
  for svc in "${svcs[@]}"; do
    cat "$results/$svc" 2>/dev/null || status_line "$svc" failed "$("addr_$svc")"
  done
  rm -rf "$results"
  return "$failed"
}

cmd_down() {
  local svc
  services_from "$@"
  for svc in "${SVCS[@]}"; do
    if running_pid "$svc" >/dev/null; then
      SVC="$svc" say "stopping"
      (SVC="$svc"; stop_service "$svc") &
    fi
  done
  wait
  for svc in "${SVCS[@]}"; do status_line "$svc" down "$("addr_$svc")"; done
}

cmd_status() {
  local svc state rc=0
  services_from "$@"
  for svc in "${SVCS[@]}"; do
    state="$(service_state "$svc")"
    status_line "$svc" "$state" "$("addr_$svc")"
    [[ "$state" == healthy ]] || rc=1
  done
  return "$rc"
}

cmd_reset() {
  local svc
  cmd_down "$@" >/dev/null
  services_from "$@"
  for svc in "${SVCS[@]}"; do
    SVC="$svc" say "wiping $RUN_DIR/$svc"
    rm -rf "${RUN_DIR:?}/$svc"
  done
}

cmd_install() {
  local svcs=() svc failed=0
  services_from "$@"
  svcs=("${SVCS[@]}")
  check_tools "${svcs[@]}"
  mkdir -p "$LOG_DIR"
  for svc in "${svcs[@]}"; do (SVC="$svc"; "install_$svc") & done
  for svc in "${svcs[@]}"; do wait -n || failed=1; done
  return "$failed"
}

cmd_env() {
  cat <<EOF
export CXM_TEST_KAFKA_BROKERS=$HOST:$KAFKA_PORT
export CXM_TEST_ELASTICSEARCH_URL=http://$HOST:$ES_PORT
export CXM_TEST_MONGODB_URL=mongodb://$HOST:$MONGO_PORT/
EOF
}

main() {
  local cmd="${1:-}"
  (($#)) && shift
  case "$cmd" in
    up) cmd_up "$@" ;;
    down) cmd_down "$@" ;;
    status) cmd_status "$@" ;;
    reset) cmd_reset "$@" ;;
    install) cmd_install "$@" ;;
    logs) [[ $# -eq 1 ]] || die "usage: infra.sh logs SERVICE"
      services_from "$1" && tail -n 50 -F "$LOG_DIR/$1.log" ;;
    env) cmd_env ;;
    -h | --help | help) usage ;;
    *) usage >&2; exit 2 ;;
  esac
}

main "$@"
