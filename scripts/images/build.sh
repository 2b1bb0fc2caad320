#!/usr/bin/env bash
# Builds the project's images from the repository root with the legacy builder (no BuildKit needed).
#
#   scripts/images/build.sh [backend] [frontend] [frontend-dev] [database]     (default: all four)
#
# Environment:
#   IMAGE_REGISTRY  prefix for the image names, with its trailing slash (e.g. <account>.dkr.ecr.<region>.amazonaws.com/)
#   IMAGE_TAG       tag of every image (default: local; CI and deploys use the git SHA)
#   NODE_IMAGE, NGINX_IMAGE, POSTGRES_IMAGE   base images, e.g. from a mirrored registry
#                   (default: the pinned `ARG ..._IMAGE=` of each Dockerfile)
#   NPM_CONFIG_REGISTRY   an npm registry mirror for the builds
#   BUILD_LOG_DIR   where each build's full log goes (default: a temporary folder)
# Images get the git revision as the org.opencontainers.image.revision label.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$REPO_ROOT"
base_images

IMAGE_REGISTRY="${IMAGE_REGISTRY:-}"
IMAGE_TAG="${IMAGE_TAG:-local}"
BUILD_LOG_DIR="${BUILD_LOG_DIR:-$(mktemp -d /tmp/proyecto06-build.XXXXXX)}"
mkdir -p "$BUILD_LOG_DIR"
revision=$(git rev-parse HEAD 2>/dev/null || echo unknown)

common=(--label "org.opencontainers.image.revision=$revision")
[ -n "${NPM_CONFIG_REGISTRY:-}" ] && common+=(--build-arg "NPM_CONFIG_REGISTRY=$NPM_CONFIG_REGISTRY")

build() { # name, then docker build arguments
  local name="$1"; shift
  local image="${IMAGE_REGISTRY}proyecto06-${name}:${IMAGE_TAG}" log="$BUILD_LOG_DIR/build-${name}.log" t0=$SECONDS
  img_log "building $image (log: $log)"
  if ! docker build "${common[@]}" -t "$image" "$@" >"$log" 2>&1; then
    img_log "FAILED: $image; last lines of $log:"
    tail -40 "$log" >&2
    return 1
  fi
  img_log "built $image in $((SECONDS - t0)) s, $(docker image inspect -f '{{.Size}}' "$image" | awk '{ printf "%.0f MB", $1 / 1e6 }')"
}

targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(database backend frontend frontend-dev)
for target in "${targets[@]}"; do
  case "$target" in
    database) build database --build-arg "POSTGRES_IMAGE=$POSTGRES_IMAGE" infra/database ;;
    backend) build backend --build-arg "NODE_IMAGE=$NODE_IMAGE" -f apps/backend/Dockerfile . ;;
    frontend) build frontend --build-arg "NODE_IMAGE=$NODE_IMAGE" --build-arg "NGINX_IMAGE=$NGINX_IMAGE" \
      -f apps/frontend/Dockerfile . ;;
    # The Angular dev server of the compose flow: a local convenience, never pushed.
    frontend-dev) build frontend-dev --build-arg "NODE_IMAGE=$NODE_IMAGE" --build-arg "NGINX_IMAGE=$NGINX_IMAGE" \
      --target dev -f apps/frontend/Dockerfile . ;;
    *) img_log "unknown image '$target' (backend, frontend, frontend-dev, database)"; exit 2 ;;
  esac
done
