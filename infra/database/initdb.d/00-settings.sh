#!/bin/sh
# Runs once, when the entrypoint initialises an empty volume: points the cluster's configuration at the
# settings file that ships in the image (/etc/postgresql/proyecto06.conf).
set -eu
printf "\n# proyecto06 settings (from the image)\ninclude_if_exists = '/etc/postgresql/proyecto06.conf'\n" \
  >>"$PGDATA/postgresql.conf"
