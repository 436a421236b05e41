# Shared by bin/run and bin/test: where things live and how each part is started and awaited.
# shellcheck shell=bash
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RUN_DIR="$ROOT/.run"
LOG_DIR="$RUN_DIR/logs"
SERVER_DIR="$ROOT/marketplace-ear/target/server"
KEYCLOAK_DIR=$(compgen -G "$RUN_DIR/keycloak-*" | sort | tail -n 1 || true)
DEVNET_JAR=$(compgen -G "$ROOT/devnet-node/target/devnet-node-*-all.jar" | tail -n 1 || true)
CONNECTOR_JAR=$(compgen -G "$ROOT/worker-connector/target/worker-connector-*-all.jar" | tail -n 1 || true)
KEYCLOAK_PORT=${CM_KEYCLOAK_PORT:-8180}
DEVNET_PORT=${CM_DEVNET_PORT:-8000}
OIDC_URL=${CM_OIDC_URL:-http://127.0.0.1:$KEYCLOAK_PORT/realms/computemarket}
MVN=(mvn -B -ntp)

say() { printf '\033[1m%s\033[0m\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# wait_for NAME URL SECONDS [PID]: polls until URL answers 2xx; fails early when PID has died.
wait_for() {
  local name=$1 url=$2 seconds=$3 pid=${4:-}
  local deadline=$((SECONDS + seconds))
  until curl -fs -o /dev/null --max-time 2 "$url" 2>/dev/null; do
    [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null && die "$name stopped while starting; see $LOG_DIR"
    [ $SECONDS -ge $deadline ] && die "$name did not answer at $url within ${seconds}s; see $LOG_DIR"
    sleep 1
  done
  say "$name is up: $url"
}

ensure_postgresql() {
  local version
  version=$(ls /etc/postgresql | sort | tail -n 1)
  if ! pg_isready -q -h 127.0.0.1 -p 5432; then
    say "starting PostgreSQL"
    pg_ctlcluster --skip-systemctl-redirect "$version" main start
    wait_for_postgresql
  fi
  # the datasource is XA (one transaction spans the database and Artemis): PostgreSQL must allow two-phase commit
  if [ "$(psql -h 127.0.0.1 -U postgres -tAc 'show max_prepared_transactions')" = "0" ]; then
    say "enabling prepared transactions in PostgreSQL (max_prepared_transactions=100; restart)"
    psql -q -h 127.0.0.1 -U postgres -c "alter system set max_prepared_transactions = 100"
    pg_ctlcluster --skip-systemctl-redirect "$version" main restart
    wait_for_postgresql
  fi
}

wait_for_postgresql() {
  local deadline=$((SECONDS + 60))
  until pg_isready -q -h 127.0.0.1 -p 5432; do
    [ $SECONDS -ge $deadline ] && die "PostgreSQL did not start"
    sleep 1
  done
}

# Keycloak in dev mode with an in-memory database: the realm in config/keycloak is imported at every start,
# with fixed user ids, so it always matches the repository.
start_keycloak() {
  [ -n "$KEYCLOAK_DIR" ] || die "Keycloak is not unpacked; build first"
  if curl -fsS -o /dev/null --max-time 2 "$OIDC_URL/.well-known/openid-configuration"; then
    say "Keycloak already answers at $OIDC_URL; using it"
    return 0
  fi
  mkdir -p "$KEYCLOAK_DIR/data/import" "$LOG_DIR"
  cp "$ROOT"/config/keycloak/*-realm.json "$KEYCLOAK_DIR/data/import/"
  KC_BOOTSTRAP_ADMIN_USERNAME=${KC_BOOTSTRAP_ADMIN_USERNAME:-kcadmin} \
  KC_BOOTSTRAP_ADMIN_PASSWORD=${KC_BOOTSTRAP_ADMIN_PASSWORD:-kcadmin} \
    "$KEYCLOAK_DIR/bin/kc.sh" start-dev --db=dev-mem --http-host=127.0.0.1 --http-port="$KEYCLOAK_PORT" \
    --import-realm >"$LOG_DIR/keycloak.log" 2>&1 &
  KEYCLOAK_PID=$!
  wait_for Keycloak "$OIDC_URL/.well-known/openid-configuration" 180 "$KEYCLOAK_PID"
}

# The portal's browser tests (PortalIT) drive headless Chromium through chromedriver; install both on Debian when
# missing and running as root, else say that those tests will be skipped.
ensure_chromium() {
  command -v chromium >/dev/null && command -v chromedriver >/dev/null && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing chromium and chromium-driver for the portal's browser tests"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver >/dev/null 2>&1 \
      || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver >/dev/null; } \
      || say "could not install chromium: the portal's browser tests will be skipped"
  else
    say "chromium or chromedriver is missing (install: apt-get install chromium chromium-driver): the portal's browser tests will be skipped"
  fi
}
