#!/usr/bin/env bash
# Stand-in for kubectl, aws, terraform and curl in the script tests. Records each call ("name args...")
# in $STUB_LOG, then answers with the first rule of $STUB_RULES whose regex matches the call.
# Rule lines: REGEX<TAB>EXIT<TAB>OUTPUT (printf %b escapes; "@real" runs the real tool from $REAL_<NAME>).
name=$(basename "$0")
call="$name $*"
printf '%s\n' "$call" >>"$STUB_LOG"
# Drain stdin of "... -f -" so the producer of a pipe never gets SIGPIPE.
if [[ " $* " == *" -f - "* ]]; then cat >>"$STUB_LOG.stdin"; fi
# Keep what "... -f FILE" applies (the rendered release), so tests can read what reached the cluster.
if [[ " $* " =~ \ -f\ ([^ -][^ ]*)\  ]] && [ -f "${BASH_REMATCH[1]}" ]; then cat "${BASH_REMATCH[1]}" >>"$STUB_LOG.files"; fi
while IFS=$'\t' read -r pattern code output; do
  [[ -z "$pattern" || "$pattern" == \#* ]] && continue
  if [[ "$call" =~ $pattern ]]; then
    if [[ "$output" == "@real" ]]; then
      real_var="REAL_${name^^}"
      exec "${!real_var}" "$@"
    fi
    printf '%b' "$output"
    exit "$code"
  fi
done <"$STUB_RULES"
exit 0
