#!/usr/bin/env bash
# Restores a backup (a pg_dump in custom format made by proyecto06-backup) into the running database,
# then checks that every table holds exactly the rows the dump holds. docs/operations.md is the runbook.
#
#   scripts/db-restore.sh --compose [DUMP]       DUMP: a file; default the newest $BACKUP_DIR/*.dump
#   scripts/db-restore.sh --kubernetes [DUMP]    DUMP: a file, an s3:// URL or a key in the bucket;
#                                                default the newest object under s3://$BACKUP_BUCKET/$BACKUP_PREFIX
# Environment: BACKUP_DIR (compose, default ./backups), COMPOSE_PROJECT_NAME and the compose variables;
# BACKUP_BUCKET, BACKUP_PREFIX (default database/), NAMESPACE (default proyecto06) for Kubernetes.
#
# The restore runs inside the database container (its pg_restore matches the server), in one
# transaction: the database holds either what it held before or exactly the dump, never a mixture.
# Tables the dump holds are dropped and recreated (--clean); stop the writers first (the runbook says
# how), or their writes since the dump are lost with the rest.
set -Eeuo pipefail
REPO_ROOT=$(cd "$(dirname "$0")/.." && pwd)
say() { printf '[db-restore] %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

mode="${1:-}"
dump="${2:-}"
case "$mode" in
  --compose)
    BACKUP_DIR="${BACKUP_DIR:-$REPO_ROOT/backups}"
    in_db() { docker-compose --project-directory "$REPO_ROOT" -f "$REPO_ROOT/docker-compose.yml" exec -T database "$@"; }
    if [ -z "$dump" ]; then
      dump=$(find "$BACKUP_DIR" -maxdepth 1 -name '*.dump' -printf '%f\n' 2>/dev/null | sort | tail -1)
      [ -n "$dump" ] || die "no *.dump in $BACKUP_DIR (make one: docker compose run --rm backup)"
      dump="$BACKUP_DIR/$dump"
    fi
    ;;
  --kubernetes)
    NAMESPACE="${NAMESPACE:-proyecto06}"
    BACKUP_PREFIX="${BACKUP_PREFIX:-database/}"
    in_db() { kubectl exec -i --namespace "$NAMESPACE" database-0 -c database -- "$@"; }
    if [ -z "$dump" ] || [ ! -f "$dump" ]; then
      [ -n "${BACKUP_BUCKET:-}" ] || die "BACKUP_BUCKET is not set (terraform output -raw backup_bucket)"
      if [ -z "$dump" ]; then
        # Keys carry the UTC time in a sortable form: the last one is the newest.
        dump=$(aws s3api list-objects-v2 --bucket "$BACKUP_BUCKET" --prefix "$BACKUP_PREFIX" \
          --query 'Contents[].Key' --output text | tr '\t' '\n' | grep '\.dump$' | sort | tail -1) \
          || die "no dump under s3://$BACKUP_BUCKET/$BACKUP_PREFIX"
      fi
      url="$dump"
      [[ "$url" == s3://* ]] || url="s3://$BACKUP_BUCKET/$dump"
      local_copy=$(mktemp /tmp/proyecto06-restore.XXXXXX)
      trap 'rm -f "$local_copy"' EXIT
      say "downloading $url"
      aws s3 cp --only-show-errors "$url" "$local_copy"
      dump="$local_copy"
    fi
    ;;
  *)
    sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
    ;;
esac
[ -s "$dump" ] || die "$dump is missing or empty"

say "restoring $dump ($(stat -c %s "$dump") bytes)"
# Into the container's /tmp (a tmpfs / emptyDir), then everything else happens there.
in_db sh -c 'cat > /tmp/restore.dump' <"$dump"
# shellcheck disable=SC2016 # expanded by the container's shell, with its POSTGRES_* variables
in_db sh -c '
  set -eu
  trap "rm -f /tmp/restore.dump" EXIT
  psql_db() { psql -X -q -v ON_ERROR_STOP=1 -U "$POSTGRES_USER" -d "$POSTGRES_DB" "$@"; }
  # Rows per table as the dump holds them: each COPY block of its data section, one line per row.
  pg_restore --data-only --file=- /tmp/restore.dump \
    | awk "/^COPY /{ table = \$2; rows = 0; copying = 1; next }
           copying && /^\\\\\\.\$/ { print table, rows; copying = 0; next }
           copying { rows++ }" >/tmp/restore.expected
  [ -s /tmp/restore.expected ] || { echo "the dump holds no table data" >&2; exit 1; }
  pg_restore --clean --if-exists --no-owner --single-transaction --exit-on-error \
    -U "$POSTGRES_USER" -d "$POSTGRES_DB" /tmp/restore.dump
  status=0
  while read -r table expected; do
    actual=$(psql_db -At -c "SELECT count(*) FROM $table")
    if [ "$actual" = "$expected" ]; then mark=ok; else mark=MISMATCH; status=1; fi
    printf "%-40s %10s rows in the dump, %10s restored  %s\n" "$table" "$expected" "$actual" "$mark"
  done </tmp/restore.expected
  rm -f /tmp/restore.expected
  exit "$status"
' || die "restore failed or row counts differ (see above)"
say "restored; every table holds the dump's row count"
