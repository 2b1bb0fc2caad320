#!/usr/bin/env bash
# shellcheck disable=SC2016 # `bash -c '...' _ ARGS`: the single quotes are on purpose
# The proof of the compose flow (`npm run test:compose`; CI: .ci/suites/50-compose.sh).
# Starts a Docker engine if none runs, builds stand-in base images where the real ones are missing,
# builds our images, then checks against a real `docker-compose up`:
#   1. every service becomes healthy (and the migration exits 0) within HEALTH_TIMEOUT seconds;
#   2. through nginx on 127.0.0.1:80: the app's index.html, /api/tags (200 JSON), /docs, the SPA
#      fallback for an unknown path, security and cache headers;
#   3. a registered user's article survives a recreated database container; `down -v` removes the volume;
#   4. the containers run as their numeric non-root users, and `docker stop` of the backend exits 0
#      within its grace period.
# Prints one line per check and `N passed, N failed`; always tears the stack down (down -v).
# Environment: HEALTH_TIMEOUT (default 300 s), COMPOSE_TEST_WORK (logs; default /tmp/proyecto06-compose-test).
set -uo pipefail
source "$(dirname "$0")/../images/lib.sh"
cd "$REPO_ROOT" || exit 1

export COMPOSE_PROJECT_NAME=proyecto06-test
export IMAGE_TAG="${IMAGE_TAG:-local}"
HEALTH_TIMEOUT="${HEALTH_TIMEOUT:-300}"
WORK="${COMPOSE_TEST_WORK:-/tmp/proyecto06-compose-test}"
BASE=http://127.0.0.1
rm -rf "$WORK" && mkdir -p "$WORK"
compose() { docker-compose --ansi never "$@"; }
say() { printf '[compose-test] %s\n' "$*"; }

declare -A result=() detail=()
pass() { result[$1]=PASS; detail[$1]="$2"; say "check $1 passed: $2"; }
fail() { result[$1]=FAIL; detail[$1]="$2"; say "check $1 FAILED: $2"; }
# Assertions inside a check: `expect CHECK DESCRIPTION COMMAND...`; the first failure fails the check.
expect() {
  local check="$1" what="$2"; shift 2
  [ "${result[$check]:-}" = FAIL ] && return 1
  if "$@"; then return 0; fi
  fail "$check" "$what"
  return 1
}

stack_started=""
teardown() {
  [ -n "$stack_started" ] || return 0
  compose down -v --remove-orphans >"$WORK/down.log" 2>&1 || { say "down failed:"; cat "$WORK/down.log"; }
  stack_started=""
}
dump_logs() {
  say "--- compose ps ---"; compose ps
  say "--- last log lines of every service ---"; compose logs --no-color --tail=60
}
summary() {
  local passed=0 failed=0 n name
  local -a names=("stack up, every service healthy" "nginx: app, API, docs, SPA fallback, headers"
    "data survives a database restart; down -v removes the volume"
    "non-root containers; backend stops cleanly on SIGTERM")
  echo
  for n in 1 2 3 4; do
    name="${names[$((n - 1))]}"
    if [ "${result[$n]:-}" = PASS ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
    printf '%s %d. %s — %s\n' "${result[$n]:-FAIL}" "$n" "$name" "${detail[$n]:-not run}"
  done
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}
on_exit() {
  local rc=$?
  teardown
  exit "$rc"
}
trap on_exit EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------- setup
t_setup=$SECONDS
command -v curl >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq curl >/dev/null; }
ensure_docker || { fail 1 "no Docker engine"; summary; exit 1; }
for port in 80 4200 5432 8000; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    fail 1 "127.0.0.1:$port is already in use (another stack running? docker compose down)"; summary; exit 1
  fi
done
# A stale test stack (a run that was killed) would hold the ports and the volume.
compose down -v --remove-orphans >/dev/null 2>&1

# Builds: the node stand-in first (the app images need it), then the app images while the other
# stand-ins and the database image build beside them (both mostly wait on the network).
export BUILD_LOG_DIR="$WORK"
say "building stand-in base images where missing, then the images (logs in $WORK)"
if ! scripts/images/standins.sh node; then fail 1 "node stand-in"; summary; exit 1; fi
(scripts/images/standins.sh nginx postgres && scripts/images/build.sh database) >"$WORK/side-builds.log" 2>&1 &
side=$!
scripts/images/build.sh backend frontend frontend-dev; app_rc=$?
wait "$side"; side_rc=$?
cat "$WORK/side-builds.log" >&2
if [ "$app_rc" -ne 0 ] || [ "$side_rc" -ne 0 ]; then fail 1 "image build failed (see above)"; summary; exit 1; fi
base_images
say "setup done in $((SECONDS - t_setup)) s; image sizes:"
docker images --format '  {{.Repository}}:{{.Tag}}  {{.Size}}' \
  | grep -E "proyecto06-(backend|frontend|frontend-dev|database):$IMAGE_TAG|$NODE_IMAGE|$NGINX_IMAGE|$POSTGRES_IMAGE" >&2

# The first container of a service (the backend has several replicas).
container() { compose ps -q "$1" | head -1; }
health() { docker inspect -f '{{if .State.Health}}{{.State.Health.Status}}{{else}}{{.State.Status}}{{end}}' "$(container "$1")" 2>/dev/null; }
# Waits until each named service is healthy; prints what is not at the deadline.
wait_healthy() {
  local deadline=$((SECONDS + $1)) svc state pending; shift
  while :; do
    pending=""
    for svc in "$@"; do
      state=$(health "$svc")
      [ "$state" = healthy ] || pending+=" $svc(${state:-missing})"
    done
    [ -z "$pending" ] && return 0
    if [ $SECONDS -ge $deadline ]; then say "not healthy in time:$pending"; return 1; fi
    sleep 2
  done
}

# ---------------------------------------------------------------- 1. up and healthy
say "check 1: docker-compose up"
t_up=$SECONDS
stack_started=1
if ! compose up -d --no-build >"$WORK/up.log" 2>&1; then
  cat "$WORK/up.log"; dump_logs; fail 1 "docker-compose up failed"
elif ! wait_healthy "$HEALTH_TIMEOUT" database backend nginx frontend; then
  dump_logs; fail 1 "not every service healthy within ${HEALTH_TIMEOUT} s"
else
  healthy_after=$((SECONDS - t_up))
  migrate_exit=$(docker inspect -f '{{.State.ExitCode}}' "$(container migrate)")
  dev_tags=$(curl -s -o /dev/null -w '%{http_code}' "$BASE:4200/api/tags")
  if [ "$migrate_exit" != 0 ]; then
    compose logs --no-color migrate; fail 1 "migrate exited $migrate_exit"
  elif [ "$dev_tags" != 200 ]; then
    fail 1 "the Angular dev server on :4200 does not proxy /api (HTTP $dev_tags)"
  else
    pass 1 "all healthy ${healthy_after} s after up (database, backend, frontend dev server, nginx); migrate exited 0; :4200 proxies /api"
  fi
fi

# ---------------------------------------------------------------- 2. through nginx
if [ "${result[1]}" = PASS ]; then
  say "check 2: through nginx on $BASE:80"
  curl -s -D "$WORK/index.headers" -o "$WORK/index.html" "$BASE/"
  header() { grep -i "^$1:" "$2" | head -1 | cut -d' ' -f2- | tr -d '\r'; }
  status() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
  main_js=$(grep -o 'src="main-[A-Za-z0-9_-]*\.js"' "$WORK/index.html" | head -1 | cut -d'"' -f2)
  # main.js is a small loader; the start-up modules it preloads (<meta name="startup-modules">) carry the
  # app. nginx compresses every script worth it (gzip_min_length 1024): all of those of 1 KiB or more.
  startup_js=$(grep -o '<meta name="startup-modules" content="[^"]*"' "$WORK/index.html" | cut -d'"' -f4)
  compressible=0 uncompressed=""
  for script in $main_js $startup_js; do
    [ "$(curl -s "$BASE/$script" | wc -c)" -ge 1024 ] || continue
    compressible=$((compressible + 1))
    curl -s -H 'Accept-Encoding: gzip' -D - -o /dev/null "$BASE/$script" | grep -qi '^content-encoding: gzip' ||
      uncompressed+=" $script"
  done
  expect 2 "index.html: no <app-root> in the page" grep -q '<app-root' "$WORK/index.html" &&
  expect 2 "index.html: Cache-Control is not no-cache" [ "$(header Cache-Control "$WORK/index.headers")" = no-cache ] &&
  expect 2 "security header missing on index.html" \
    bash -c 'for h in Content-Security-Policy X-Content-Type-Options X-Frame-Options Referrer-Policy; do grep -qi "^$h:" "$1" || exit 1; done' _ "$WORK/index.headers" &&
  expect 2 "CSP lacks script-src 'self' / frame-ancestors" \
    bash -c "grep -i '^content-security-policy:' \"\$1\" | grep -q \"script-src 'self'\" && grep -i '^content-security-policy:' \"\$1\" | grep -q \"frame-ancestors 'none'\"" _ "$WORK/index.headers" &&
  expect 2 "CSP does not allow exactly the inline scripts of index.html (by SHA-256)" node -e '
    const fs = require("fs"), crypto = require("crypto");
    const csp = fs.readFileSync(process.argv[2], "utf8").match(/^content-security-policy:(.*)$/im)?.[1] ?? "";
    const inline = [...fs.readFileSync(process.argv[1], "utf8").matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)];
    const ok = !csp.includes("__") && inline.every(([, body]) =>
      csp.includes("sha256-" + crypto.createHash("sha256").update(body).digest("base64")));
    process.exit(ok ? 0 : 1);' "$WORK/index.html" "$WORK/index.headers" &&
  expect 2 "no hashed main-*.js referenced by index.html" [ -n "$main_js" ] &&
  curl -s -H 'Accept-Encoding: gzip' -D "$WORK/main.headers" -o /dev/null "$BASE/$main_js" &&
  expect 2 "$main_js: not 200" grep -q '^HTTP/1.1 200' "$WORK/main.headers" &&
  expect 2 "$main_js: not cached as immutable" grep -qi '^cache-control:.*immutable' "$WORK/main.headers" &&
  expect 2 "no start-up script of 1 KiB or more in index.html" [ "$compressible" -gt 0 ] &&
  expect 2 "not gzip-compressed:$uncompressed" [ -z "$uncompressed" ] &&
  curl -s -D "$WORK/tags.headers" -o "$WORK/tags.json" "$BASE/api/tags" &&
  expect 2 "/api/tags: not 200" grep -q '^HTTP/1.1 200' "$WORK/tags.headers" &&
  expect 2 "/api/tags: not JSON" grep -qi '^content-type: application/json' "$WORK/tags.headers" &&
  expect 2 "/api/tags: no tags array" node -e 'process.exit(Array.isArray(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).tags) ? 0 : 1)' "$WORK/tags.json" &&
  expect 2 "/docs through nginx: not 200 with Swagger UI" bash -c 'curl -sL "$1/docs" | grep -qi swagger' _ "$BASE" &&
  expect 2 "/openapi.json through nginx: not 200" [ "$(status "$BASE/openapi.json")" = 200 ] &&
  expect 2 "/health through nginx: not 200" [ "$(status "$BASE/health")" = 200 ] &&
  expect 2 "/healthz: not 200" [ "$(status "$BASE/healthz")" = 200 ] &&
  expect 2 "backend's own :8000/docs not 200" [ "$(status -L "$BASE:8000/docs")" = 200 ] &&
  curl -s -D "$WORK/spa.headers" -o "$WORK/spa.html" "$BASE/article/no-such-article-$$" &&
  curl -s -o "$WORK/shell.html" "$BASE/shell.html" &&
  expect 2 "unknown path: no SPA fallback (shell.html)" bash -c 'grep -q "^HTTP/1.1 200" "$1" && grep -q "<app-root" "$2" && cmp -s "$2" "$3"' _ "$WORK/spa.headers" "$WORK/spa.html" "$WORK/shell.html" &&
  expect 2 "unknown path: the static first paint shows the home banner" bash -c '! grep -q "class=\"banner\"" "$1"' _ "$WORK/spa.html" &&
  expect 2 "a missing hashed asset gets index.html instead of 404" [ "$(status "$BASE/main-ZZZZZZZZ.js")" = 404 ] &&
  pass 2 "index.html (no-cache, CSP and security headers), $main_js (immutable), $compressible start-up scripts gzip-compressed, /api/tags 200 JSON, /docs, /openapi.json, /health, SPA fallback, 404 for missing assets"
  [ -n "${result[2]:-}" ] || fail 2 "a request through nginx failed (curl could not connect?)"
else
  fail 2 "skipped: the stack is not up"
fi

# ---------------------------------------------------------------- 3a. a write survives a database restart
api() { # METHOD PATH [BODY] [TOKEN] → body in $WORK/api.json, prints the status
  local args=(-s -o "$WORK/api.json" -w '%{http_code}' -X "$1" -H 'Content-Type: application/json')
  [ -n "${4:-}" ] && args+=(-H "Authorization: Token $4")
  [ -n "${3:-}" ] && args+=(--data "$3")
  curl "${args[@]}" "$BASE$2"
}
json() { node -e 'const v = process.argv[2].split(".").reduce((o, k) => o?.[k], JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))); console.log(v ?? "")' "$WORK/api.json" "$1"; }
if [ "${result[1]}" = PASS ]; then
  say "check 3: register, write, recreate the database container, read back"
  user="compose$$$RANDOM"
  title="Survives a database restart $$"
  code=$(api POST /api/users "{\"user\":{\"username\":\"$user\",\"email\":\"$user@example.com\",\"password\":\"compose-test-password\"}}")
  token=$(json user.token)
  if expect 3 "register: HTTP $code $(head -c 200 "$WORK/api.json")" [ "$code" = 201 ] && [ -n "$token" ]; then
    code=$(api POST /api/articles "{\"article\":{\"title\":\"$title\",\"description\":\"compose proof\",\"body\":\"written before the restart\",\"tagList\":[\"compose\"]}}" "$token")
    slug=$(json article.slug)
    if expect 3 "create article: HTTP $code $(head -c 200 "$WORK/api.json")" [ "$code" = 201 ] && [ -n "$slug" ]; then
      # A new container on the same volume: only what the volume holds can come back.
      compose rm -s -f database >>"$WORK/restart.log" 2>&1
      compose up -d --no-deps database >>"$WORK/restart.log" 2>&1
      if expect 3 "database not healthy again within 120 s" wait_healthy 120 database; then
        deadline=$((SECONDS + 60)) code=""
        while [ $SECONDS -lt $deadline ]; do
          code=$(api GET "/api/articles/$slug")
          [ "$code" = 200 ] && break
          sleep 2
        done
        if expect 3 "article after the restart: HTTP $code" [ "$code" = 200 ] &&
           expect 3 "article after the restart has another title: $(json article.title)" [ "$(json article.title)" = "$title" ] &&
           expect 3 "tag list lost" bash -c 'curl -s "$1/api/tags" | grep -q "\"compose\""' _ "$BASE"; then
          survived="user $user and article '$slug' read back after the database container was recreated"
        fi
      fi
    fi
  fi
else
  fail 3 "skipped: the stack is not up"
fi

# ---------------------------------------------------------------- 4. non-root, clean stop
if [ "${result[1]}" = PASS ]; then
  say "check 4: users and graceful stop"
  uids=""
  for pair in backend:1000 nginx:101 database:70 frontend:1000; do
    svc=${pair%%:*} want=${pair#*:}
    got=$(docker exec "$(container "$svc")" id -u 2>/dev/null)
    cfg=$(docker inspect -f '{{.Config.User}}' "$(container "$svc")")
    expect 4 "$svc runs as uid '$got' (image user '$cfg'), expected $want" [ "$got" = "$want" ] || break
    uids+="$svc=$got "
  done
  if [ "${result[4]:-}" != FAIL ]; then
    backend_id=$(container backend)
    grace=30
    t0=$(date +%s.%N)
    docker stop -t "$grace" "$backend_id" >/dev/null
    took=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
    exit_code=$(docker inspect -f '{{.State.ExitCode}}' "$backend_id")
    if expect 4 "backend exit code $exit_code after docker stop (${took} s)" [ "$exit_code" = 0 ] &&
       expect 4 "backend stop took ${took} s, grace is ${grace} s" awk -v t="$took" -v g="$grace" 'BEGIN { exit !(t < g) }' &&
       expect 4 "backend log has no 'shut down cleanly'" bash -c 'docker logs "$1" 2>&1 | grep -q "shut down cleanly"' _ "$backend_id"; then
      pass 4 "uids ${uids% }; backend stopped with exit 0 in ${took} s (grace ${grace} s, drain ${SHUTDOWN_DRAIN_MS:-5000} ms)"
    fi
  fi
else
  fail 4 "skipped: the stack is not up"
fi

# ---------------------------------------------------------------- 3b. down -v removes the volume
if [ "${result[1]}" = PASS ]; then
  if [ "${result[2]}" != PASS ] || [ "${result[3]:-}" = FAIL ] || [ "${result[4]:-}" != PASS ]; then dump_logs; fi
  volume="${COMPOSE_PROJECT_NAME}_postgres_data"
  if ! docker volume inspect "$volume" >/dev/null 2>&1; then
    fail 3 "volume $volume not found while the stack was up"
  else
    teardown
    if docker volume inspect "$volume" >/dev/null 2>&1; then
      fail 3 "volume $volume still exists after down -v"
    elif [ -n "$(docker ps -aq --filter "label=com.docker.compose.project=$COMPOSE_PROJECT_NAME")" ]; then
      fail 3 "containers left after down -v"
    elif [ "${result[3]:-}" != FAIL ]; then
      if [ -n "${survived:-}" ]; then pass 3 "$survived; volume $volume gone after down -v"
      else fail 3 "the write or the read-back did not complete (see the log above)"; fi
    fi
  fi
  [ -n "${result[4]:-}" ] || fail 4 "did not complete (see the log above)"
fi

summary
