# Shared by build/test.sh and .ci/run: bring up the services the tests use on a Debian machine.

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo > /dev/null; then sudo "$@"; else return 1; fi; }

apt_install() {
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" > /dev/null 2>&1 || {
    as_root apt-get update -qq > /dev/null && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" > /dev/null
  }
}

ensure_postgres() {
  if [ -n "${SILKGATE_TEST_POSTGRES:-}" ]; then return 0; fi
  if ! command -v pg_ctlcluster > /dev/null; then
    echo "Installing PostgreSQL..."
    apt_install postgresql
  fi
  local version
  version=$(ls /usr/lib/postgresql | sort -n | tail -1)
  if ! pg_lsclusters -h | grep -q "^$version main"; then as_root pg_createcluster "$version" main > /dev/null; fi
  as_root pg_ctlcluster "$version" main start 2> /dev/null || true
  local port
  port=$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" { print $3 }')
  for _ in $(seq 1 30); do as_root su postgres -c "pg_isready -q -p $port" && break; sleep 1; done
  # Test hosts run in parallel, each with its own connection pool: the default 100 connections run out.
  if [ "$(as_root su postgres -c "psql -p $port -tAc 'SHOW max_connections'")" -lt 500 ]; then
    as_root su postgres -c "psql -p $port -qc 'ALTER SYSTEM SET max_connections = 500'"
    as_root pg_ctlcluster "$version" main restart
    for _ in $(seq 1 30); do as_root su postgres -c "pg_isready -q -p $port" && break; sleep 1; done
  fi
  as_root su postgres -c "psql -p $port -tAc \"SELECT 1 FROM pg_roles WHERE rolname = 'silkgate'\"" | grep -q 1 \
    || as_root su postgres -c "psql -p $port -qc \"CREATE ROLE silkgate LOGIN SUPERUSER PASSWORD 'silkgate'\""
  export SILKGATE_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=silkgate;Password=silkgate;Database=postgres"
}

ensure_chromium() {
  # Chinese pages need a CJK font in the headless browser, or screenshots show empty boxes.
  if command -v fc-list > /dev/null && [ -z "$(fc-list :lang=zh 2> /dev/null | head -1)" ]; then
    echo "Installing CJK fonts..."
    apt_install fonts-noto-cjk || true
  fi
  if [ -n "${SILKGATE_CHROMIUM:-}" ]; then return 0; fi
  if ! command -v chromium > /dev/null; then
    echo "Installing Chromium..."
    apt_install chromium
  fi
  export SILKGATE_CHROMIUM="$(command -v chromium)"
}

ensure_rabbitmq() {
  if [ -n "${SILKGATE_TEST_AMQP:-}" ]; then return 0; fi
  if ! command -v rabbitmq-server > /dev/null; then
    echo "Installing RabbitMQ..."
    apt_install rabbitmq-server
  fi
  if ! as_root rabbitmqctl -q status > /dev/null 2>&1; then
    as_root rabbitmq-server -detached > /dev/null 2>&1 || true
  fi
  as_root timeout 120 rabbitmqctl -q await_startup > /dev/null 2>&1 || true
  for _ in $(seq 1 60); do (echo > /dev/tcp/127.0.0.1/5672) 2> /dev/null && break; sleep 1; done
  export SILKGATE_TEST_AMQP="amqp://guest:guest@127.0.0.1:5672/"
}
