#!/usr/bin/env bash
# The tag a component's image is pushed with: the git SHA for the frontend and backend, the content hash
# of infra/database for the database (so an unchanged database image keeps its tag and does not roll).
# Usage: image-tag.sh COMPONENT SHA
set -Eeuo pipefail
source "$(dirname "$0")/lib/common.sh"

case "${1:-}" in
  database) database_image_tag ;;
  frontend | backend) printf '%s\n' "${2:?usage: image-tag.sh COMPONENT SHA}" ;;
  *) die "usage: image-tag.sh frontend|backend|database SHA" ;;
esac
