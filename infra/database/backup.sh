#!/bin/sh
# proyecto06-backup DIR: a pg_dump of the database in custom format (compressed, restorable table by
# table, what scripts/db-restore.sh takes) written to DIR/<database>-<UTC time>.dump; prints its path.
# The connection comes from libpq's environment: PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE.
# Used by compose's `backup` service (DIR a host folder) and by the Kubernetes CronJob (DIR an
# emptyDir that the next container uploads to S3).
set -eu
dir="${1:?usage: proyecto06-backup DIR}"
: "${PGDATABASE:?PGDATABASE is not set}"
name="$PGDATABASE-$(date -u +%Y%m%dT%H%M%SZ).dump"
partial="$dir/.$name.partial"
trap 'rm -f "$partial"' EXIT
# One snapshot of the whole database: consistent even while the application writes.
pg_dump --format=custom --compress=6 --no-password --file="$partial"
# A dump that cannot be read back is not a backup: list its contents before calling it one.
pg_restore --list "$partial" >/dev/null
# Run as root to write into a host folder: the file then belongs to whoever owns that folder.
if [ "$(id -u)" = 0 ]; then chown "$(stat -c %u:%g "$dir")" "$partial"; fi
mv "$partial" "$dir/$name"
echo "$dir/$name ($(stat -c %s "$dir/$name") bytes)"
