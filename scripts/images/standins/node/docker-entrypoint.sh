#!/bin/sh
# As the official node image: run `node ARGS` when the first argument is an option or not a command.
set -e
if [ "${1#-}" != "$1" ] || [ -z "$(command -v "$1" 2>/dev/null)" ]; then
  set -- node "$@"
fi
exec "$@"
