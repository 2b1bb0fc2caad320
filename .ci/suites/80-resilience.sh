#!/usr/bin/env bash
# Serving through failures under load, and the backup restore drill (`npm run test:resilience`:
# scripts/compose/resilience, Vitest + the docker-compose CLI + autocannon) against a compose stack of
# its own project and ports, always removed at the end. Reuses the images 50-compose built.
set -euo pipefail
cd "$(dirname "$0")/../.."
source .ci/lib.sh
ensure_node24
source scripts/images/lib.sh
ensure_docker
ensure_images database backend frontend
export COMPOSE_PROJECT_NAME="${COMPOSE_PROJECT_NAME:-proyecto06-resilience}"
export NGINX_PORT="${NGINX_PORT:-18080}" BACKEND_PORT="${BACKEND_PORT:-18800}"
export DATABASE_PORT="${DATABASE_PORT:-18543}" FRONTEND_DEV_PORT="${FRONTEND_DEV_PORT:-18420}"
export BACKUP_DIR="$CI_WORK/resilience-backups"
rm -rf "$BACKUP_DIR"
npm run test:resilience
