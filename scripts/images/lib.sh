# shellcheck shell=bash
# Shared by the image scripts (standins.sh, build.sh) and the compose proof. Sourced, never executed.
# Works from any directory: paths are taken relative to the repository root.
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export REPO_ROOT
# The legacy builder: these machines have no BuildKit (no buildx plugin), and a recent docker client
# would otherwise refuse or warn. Every Dockerfile here is written for the legacy builder.
export DOCKER_BUILDKIT=0 COMPOSE_DOCKER_CLI_BUILD=0

img_log() { printf '[images] %s\n' "$*" >&2; }

# The default of `ARG NAME=value` in a Dockerfile: the one place where each base image is pinned.
dockerfile_arg() {
  local file="$1" name="$2" value
  value=$(sed -n "s/^ARG ${name}=//p" "$REPO_ROOT/$file" | head -1)
  [ -n "$value" ] || { img_log "no 'ARG ${name}=' in $file"; return 1; }
  printf '%s\n' "$value"
}

# Base images, overridable from the environment (e.g. a mirrored registry: NODE_IMAGE=mirror.example/node:24...).
base_images() {
  NODE_IMAGE="${NODE_IMAGE:-$(dockerfile_arg apps/backend/Dockerfile NODE_IMAGE)}"
  NGINX_IMAGE="${NGINX_IMAGE:-$(dockerfile_arg apps/frontend/Dockerfile NGINX_IMAGE)}"
  POSTGRES_IMAGE="${POSTGRES_IMAGE:-$(dockerfile_arg infra/database/Dockerfile POSTGRES_IMAGE)}"
  export NODE_IMAGE NGINX_IMAGE POSTGRES_IMAGE
}

image_exists() { docker image inspect "$1" >/dev/null 2>&1; }

# A Docker engine: use the running one, or install (Debian packages) and start one in the background.
ensure_docker() {
  if docker info >/dev/null 2>&1; then return 0; fi
  local missing=()
  command -v dockerd >/dev/null 2>&1 || missing+=(docker.io)
  command -v docker-compose >/dev/null 2>&1 || missing+=(docker-compose)
  command -v debootstrap >/dev/null 2>&1 || missing+=(debootstrap)
  if [ ${#missing[@]} -gt 0 ]; then
    img_log "installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  local log="${DOCKERD_LOG:-/tmp/proyecto06-dockerd.log}"
  img_log "starting dockerd (log: $log)"
  nohup dockerd >"$log" 2>&1 &
  local _
  for _ in $(seq 1 60); do
    docker info >/dev/null 2>&1 && return 0
    sleep 1
  done
  img_log "dockerd did not answer within 60 s; last lines of $log:"
  tail -20 "$log" >&2
  return 1
}
