#!/usr/bin/env bash
# Validates the deployment files without a Docker engine (see docker/README.md):
#   - compose.yaml parses and has the services, health checks, volume and secrets the README promises: two API
#     processes behind nginx with the job runner off and TRUST_PROXY set, one worker with it on;
#   - compose.replica.yaml adds a MySQL replica that follows the primary and the API reads from;
#   - every path a COPY line takes from the build context (the repository root) exists;
#   - each Dockerfile's CMD is the one docker/README.md documents; the API is compiled the way `nx run api:build` does;
#   - nginx.conf forwards /graphql and /reports/ to the upstream of every API process and falls back to index.html.
# Exit code 0 when everything holds; each failure is printed.
set -euo pipefail
cd "$(dirname "$0")/.."

failures=0
ok() { echo "ok   $*"; }
fail() { echo "FAIL $*" >&2; failures=$((failures + 1)); }

# ---- compose.yaml: parse with the `yaml` package when it is installed, else PyYAML, then check its structure ----
if [ -f node_modules/yaml/package.json ]; then parser=node; elif python3 -c 'import yaml' 2>/dev/null; then parser=python; else parser=none; fi
compose_json=""
case "$parser" in
  node) compose_json=$(node -e "const y=require('yaml');const d=y.parseDocument(require('fs').readFileSync('docker/compose.yaml','utf8'),{merge:true});if(d.errors.length){console.error(d.errors.map(String).join('\n'));process.exit(1)}process.stdout.write(JSON.stringify(d.toJS()))") || fail "docker/compose.yaml does not parse" ;;
  python) compose_json=$(python3 -c "import json,sys,yaml;print(json.dumps(yaml.safe_load(open('docker/compose.yaml'))))") || fail "docker/compose.yaml does not parse" ;;
  none) fail "no YAML parser available (node_modules/yaml or python3-yaml)" ;;
esac
if [ -n "$compose_json" ]; then
  ok "docker/compose.yaml parses ($parser)"
  COMPOSE_JSON="$compose_json" node - <<'EOF' || failures=$((failures + 1))
const fs = require('node:fs');
const c = JSON.parse(process.env.COMPOSE_JSON);
const problems = [];
const expect = (cond, what) => (cond ? console.log(`ok   compose: ${what}`) : problems.push(what));
const s = c.services ?? {};
expect(s.mysql && s.api && s.admin, 'services mysql, api and admin');
expect(/^mysql:8\.4(\.|$)/.test(s.mysql?.image ?? ''), 'mysql uses the mysql:8.4 image');
expect((s.mysql?.command ?? []).join(' ').includes('--character-set-server=utf8mb4'), 'mysql runs with utf8mb4');
expect(Array.isArray(s.mysql?.healthcheck?.test), 'mysql has a health check');
const volume = (s.mysql?.volumes ?? []).map(String).find((v) => v.endsWith(':/var/lib/mysql'));
expect(volume && c.volumes && Object.hasOwn(c.volumes, volume.split(':')[0]), 'mysql keeps its data in a declared named volume');
expect(s.api?.depends_on?.mysql?.condition === 'service_healthy', 'api waits for a healthy mysql');
expect(/^\$\{AUTH_SECRET[:?}]/.test(s.api?.environment?.AUTH_SECRET ?? ''), 'AUTH_SECRET comes from the environment');
expect(/^mysql:\/\/.+@mysql:3306\/\w+$/.test(s.api?.environment?.DATABASE_URL ?? ''), 'DATABASE_URL points at the mysql service');
expect(s.api?.environment?.NODE_ENV === 'production', 'api runs with NODE_ENV=production');
expect(s.api?.environment?.HOST === '0.0.0.0', 'api listens on all interfaces inside its container');
for (const name of ['api', 'admin']) {
  const build = s[name]?.build ?? {};
  const dockerfile = `${build.context === '..' ? '' : 'docker/'}${build.dockerfile}`;
  expect(build.context === '..' && fs.existsSync(dockerfile), `${name} builds ${dockerfile} from the repository root`);
}
expect(s.admin?.depends_on?.api?.condition === 'service_healthy', 'admin waits for a healthy api');
expect((s.admin?.ports ?? []).some((p) => String(p).endsWith(':80')), 'admin publishes nginx port 80');
expect(s.backup?.build?.dockerfile === 'docker/backup.Dockerfile' && fs.existsSync('docker/backup.Dockerfile'), 'backup builds docker/backup.Dockerfile');
expect(s.backup?.depends_on?.mysql?.condition === 'service_healthy', 'backup waits for a healthy mysql');
expect(/^mysql:\/\/.+@mysql:3306\/\w+$/.test(s.backup?.environment?.DATABASE_URL ?? ''), 'backup DATABASE_URL points at the mysql service');
expect(Number(s.backup?.environment?.BACKUP_INTERVAL_HOURS) > 0 && Number(s.backup?.environment?.BACKUP_KEEP_DAYS) > 0, 'backup has a schedule (BACKUP_INTERVAL_HOURS) and a retention (BACKUP_KEEP_DAYS)');
const backupVolume = (s.backup?.volumes ?? []).map(String).find((v) => v.endsWith(`:${s.backup?.environment?.BACKUP_DIR}`));
expect(backupVolume && c.volumes && Object.hasOwn(c.volumes, backupVolume.split(':')[0]), 'backups go to a declared named volume at BACKUP_DIR');
// Several processes (issue 13 §3): two answer requests behind nginx, one works the rating jobs.
expect(Number(s.api?.deploy?.replicas) >= 2, 'api runs two processes or more (deploy.replicas)');
expect(s.api?.environment?.JOB_RUNNER === 'false', 'the API processes leave the rating jobs to the worker (JOB_RUNNER=false)');
const trust = String(s.api?.environment?.TRUST_PROXY ?? '');
expect(trust !== '' && trust !== 'true' && trust !== 'false' && trust !== '0', 'api trusts X-Forwarded-For from nginx only (TRUST_PROXY: a hop count or addresses)');
expect(s.worker?.image === s.api?.image && s.worker?.build?.dockerfile === s.api?.build?.dockerfile, 'worker runs the API image');
expect(s.worker?.environment?.JOB_RUNNER === 'true' && !s.worker?.deploy?.replicas, 'worker runs the rating jobs (JOB_RUNNER=true), one process');
expect(s.worker?.environment?.DATABASE_URL === s.api?.environment?.DATABASE_URL && !s.worker?.ports, 'worker uses the same database and publishes no port');
const envSource = fs.readFileSync('apps/api/src/config/env.ts', 'utf8');
const unknown = ['api', 'worker'].flatMap((n) => Object.keys(s[n]?.environment ?? {}).filter((k) => !envSource.includes(`env.${k}`)).map((k) => `${n}.${k}`));
expect(unknown.length === 0, `every setting of api and worker is read by apps/api/src/config/env.ts${unknown.length ? ` (not: ${unknown.join(', ')})` : ''}`);
expect(/^\d+s$/.test(s.api?.stop_grace_period ?? '') && parseInt(s.api.stop_grace_period, 10) * 1000 > Number(s.api?.environment?.SHUTDOWN_TIMEOUT_MS ?? 10000), 'api stop_grace_period outlasts SHUTDOWN_TIMEOUT_MS');
if (problems.length) {
  for (const p of problems) console.error(`FAIL compose: ${p}`);
  process.exit(1);
}
EOF
fi

# ---- Dockerfiles: COPY sources exist, CMD as documented ----
for dockerfile in docker/api.Dockerfile docker/admin.Dockerfile docker/backup.Dockerfile; do
  [ -f "$dockerfile" ] || { fail "$dockerfile is missing"; continue; }
  [ -f "$dockerfile.dockerignore" ] && ok "$dockerfile has its .dockerignore" || fail "$dockerfile.dockerignore is missing"
  while read -r line; do
    # COPY [--flags] src... dest ; sources of --from= copies live in another stage, not in the repository
    case "$line" in *--from=*) continue ;; esac
    read -r -a words <<<"${line#COPY }"
    args=()
    for w in "${words[@]}"; do case "$w" in --*) ;; *) args+=("$w") ;; esac; done
    for src in "${args[@]:0:${#args[@]}-1}"; do
      if [ -e "$src" ]; then ok "$dockerfile: COPY $src"; else fail "$dockerfile: COPY $src — no such path in the repository"; fi
    done
  done < <(grep -E '^COPY ' "$dockerfile")
  cmd=$(grep -E '^CMD ' "$dockerfile" | tail -1)
  if [ -z "$cmd" ]; then
    fail "$dockerfile has no CMD"
  elif grep -qF -- "$cmd" docker/README.md; then
    ok "$dockerfile: $cmd (documented in docker/README.md)"
  else
    fail "$dockerfile: $cmd is not what docker/README.md documents"
  fi
done

grep -q '^FROM node:20-bookworm-slim AS build' docker/api.Dockerfile && ok "api builds on node:20-bookworm-slim" || fail "api.Dockerfile: build stage is not node:20-bookworm-slim"
grep -q '^ENV NODE_ENV=production' docker/api.Dockerfile && ok "api runtime sets NODE_ENV=production" || fail "api.Dockerfile: runtime does not set NODE_ENV=production"
grep -q '^HEALTHCHECK' docker/api.Dockerfile && grep -q '/healthz' docker/api.Dockerfile && ok "api has a HEALTHCHECK on /healthz" || fail "api.Dockerfile: no HEALTHCHECK on /healthz"
grep -q '^CMD \["node", "apps/api/dist/main.js"\]' docker/api.Dockerfile && ok "api runs node apps/api/dist/main.js" || fail "api.Dockerfile: CMD is not node apps/api/dist/main.js"
build_cmd=$(node -e "console.log(require('./apps/api/project.json').targets.build.options.command)")
grep -qF "RUN npx $build_cmd" docker/api.Dockerfile && ok "api is compiled like nx run api:build ($build_cmd)" || fail "api.Dockerfile does not run '$build_cmd' (the api:build command)"
[ -f apps/api/src/main.ts ] && ok "apps/api/src/main.ts exists (compiled to apps/api/dist/main.js)" || fail "apps/api/src/main.ts is missing"
grep -q '^FROM mysql:8\.4' docker/backup.Dockerfile && ok "backup runs the tools of the database's own image (mysql:8.4)" || fail "backup.Dockerfile is not FROM mysql:8.4"
bash -n docker/backup-loop.sh && ok "docker/backup-loop.sh parses" || fail "docker/backup-loop.sh does not parse"
node --check tools/scripts/backup.mjs && node --check tools/scripts/restore.mjs && ok "backup.mjs and restore.mjs parse" || fail "tools/scripts/backup.mjs or restore.mjs does not parse"
grep -q '^FROM nginx:alpine' docker/admin.Dockerfile && ok "admin is served by nginx:alpine" || fail "admin.Dockerfile: final stage is not nginx:alpine"
grep -q 'vite build --config apps/admin/vite.config.mts' docker/admin.Dockerfile && ok "admin is built with the panel's Vite config" || fail "admin.Dockerfile does not build with apps/admin/vite.config.mts"

# ---- nginx.conf ----
conf=docker/nginx.conf
# One upstream for every API process (the service name resolves to each of its containers); both locations use it.
awk '/^upstream api \{/,/\}/' "$conf" | grep -Eq '^\s*server api:4000\b' && ok "nginx upstream api: every process of the api service on port 4000" || fail "nginx.conf has no upstream api with server api:4000"
for location in /graphql /reports/; do
  awk -v loc="location $location " 'index($0, loc) { on = 1 } on && /proxy_pass/ { print; exit }' "$conf" | grep -q 'proxy_pass http://api;' \
    && ok "nginx forwards $location to the upstream api" || fail "nginx.conf does not forward $location to the upstream api"
done
grep -Eq 'try_files \$uri \$uri/ /index.html;' "$conf" && ok "nginx falls back to index.html" || fail "nginx.conf has no index.html fallback"
[ "$(grep -c '{' "$conf")" = "$(grep -c '}' "$conf")" ] && ok "nginx.conf braces balance" || fail "nginx.conf braces do not balance"

# ---- the read replica (compose.replica.yaml over compose.yaml): a MySQL replica the API processes read from ----
if [ -n "$compose_json" ] && [ -f docker/compose.replica.yaml ]; then
  replica_json=$(node -e "const y=require('yaml');const d=y.parseDocument(require('fs').readFileSync('docker/compose.replica.yaml','utf8'),{merge:true});if(d.errors.length){console.error(d.errors.map(String).join('\n'));process.exit(1)}process.stdout.write(JSON.stringify(d.toJS()))" 2>/dev/null \
    || python3 -c "import json,yaml;print(json.dumps(yaml.safe_load(open('docker/compose.replica.yaml'))))") || fail "docker/compose.replica.yaml does not parse"
  for script in docker/replication-source.sh docker/replication-replica.sh; do
    bash -n "$script" && ok "$script parses" || fail "$script does not parse"
  done
  COMPOSE_JSON="$compose_json" REPLICA_JSON="$replica_json" node - <<'EOF' || failures=$((failures + 1))
const fs = require('node:fs');
const base = JSON.parse(process.env.COMPOSE_JSON).services;
const c = JSON.parse(process.env.REPLICA_JSON);
const s = c.services ?? {};
const problems = [];
const expect = (cond, what) => (cond ? console.log(`ok   compose.replica: ${what}`) : problems.push(what));
const flag = (svc, name) => (svc?.command ?? []).map(String).find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const r = s['mysql-replica'];
expect(r?.image === base.mysql?.image, "mysql-replica runs the primary's image");
expect(flag(s.mysql, 'server-id') && flag(r, 'server-id') && flag(s.mysql, 'server-id') !== flag(r, 'server-id'), 'primary and replica have different server ids');
expect([s.mysql, r].every((x) => flag(x, 'gtid-mode') === 'ON' && flag(x, 'enforce-gtid-consistency') === 'ON'), 'both run with GTIDs');
expect(flag(s.mysql, 'character-set-server') === 'utf8mb4' && flag(r, 'collation-server') === flag(s.mysql, 'collation-server'), 'both use the same character set and collation');
expect(r?.depends_on?.mysql?.condition === 'service_healthy', 'the replica starts after a healthy primary');
expect(JSON.stringify(r?.healthcheck?.test ?? '').includes('Replica_SQL_Running'), "the replica is healthy only while it applies the primary's changes");
const volume = (r?.volumes ?? []).map(String).find((v) => v.endsWith(':/var/lib/mysql'));
expect(volume && c.volumes && Object.hasOwn(c.volumes, volume.split(':')[0]) && volume.split(':')[0] !== 'mysql-data', 'the replica keeps its data in its own declared volume');
const mounted = [...(s.mysql?.volumes ?? []), ...(r?.volumes ?? [])].map(String).filter((v) => v.startsWith('./'));
expect(mounted.length === 2 && mounted.every((v) => fs.existsSync(`docker/${v.slice(2).split(':')[0]}`) && v.includes(':/docker-entrypoint-initdb.d/')), 'both init scripts exist and go to /docker-entrypoint-initdb.d/');
const source = fs.readFileSync('docker/replication-source.sh', 'utf8');
const replica = fs.readFileSync('docker/replication-replica.sh', 'utf8');
const user = /SOURCE_USER\s*=\s*'(\w+)'/.exec(replica)?.[1];
expect(user && source.includes(`CREATE USER '${user}'`) && source.includes(`GRANT REPLICATION SLAVE ON *.* TO '${user}'`), 'the primary makes the account the replica reads its binary log with');
expect(/SOURCE_HOST\s*=\s*'mysql'/.test(replica) && /SOURCE_AUTO_POSITION\s*=\s*1/.test(replica), 'the replica follows the mysql service by GTID');
expect(/super_read_only\s*=\s*ON/.test(replica), "the replica refuses writes but replication's (super_read_only)");
const primaryUrl = new URL(base.api?.environment?.DATABASE_URL ?? 'x:');
const replicaUrl = new URL(String(s.api?.environment?.DATABASE_REPLICA_URLS ?? 'x:'));
expect(replicaUrl.host === 'mysql-replica:3306' && replicaUrl.pathname === primaryUrl.pathname && replicaUrl.username === primaryUrl.username, 'the API processes read from mysql-replica: the same database, the same user (DATABASE_REPLICA_URLS)');
expect(s.api?.depends_on?.['mysql-replica']?.condition === 'service_healthy', 'the API processes start after a healthy replica');
if (problems.length) {
  for (const p of problems) console.error(`FAIL compose.replica: ${p}`);
  process.exit(1);
}
EOF
fi

# ---- the TiDB profile (docs/scaling.md): parses, every service in profile tidb, the API on tidb:4000 ----
if [ -n "$compose_json" ] && [ -f docker/compose.tidb.yaml ]; then
  tidb_json=$(node -e "const y=require('yaml');const d=y.parseDocument(require('fs').readFileSync('docker/compose.tidb.yaml','utf8'));if(d.errors.length){console.error(d.errors.map(String).join('\n'));process.exit(1)}process.stdout.write(JSON.stringify(d.toJS()))" 2>/dev/null \
    || python3 -c "import json,yaml;print(json.dumps(yaml.safe_load(open('docker/compose.tidb.yaml'))))") || fail "docker/compose.tidb.yaml does not parse"
  TIDB_JSON="$tidb_json" node -e "
    const c = JSON.parse(process.env.TIDB_JSON); const s = c.services ?? {}; const bad = [];
    for (const n of ['pd', 'tikv', 'tidb', 'api', 'admin']) if (!(s[n]?.profiles ?? []).includes('tidb')) bad.push(n + ' in profile tidb');
    if (!/^mysql:\/\/.+@tidb:4000\/\w+$/.test(s.api?.environment?.DATABASE_URL ?? '')) bad.push('api DATABASE_URL points at tidb:4000');
    if (!require('fs').existsSync('docker/tidb.toml')) bad.push('docker/tidb.toml exists');
    if (bad.length) { console.error('FAIL compose.tidb: ' + bad.join(', ')); process.exit(1); }
    console.log('ok   docker/compose.tidb.yaml: pd, tikv, tidb, api, admin in profile tidb; the API on tidb:4000');
  " || failures=$((failures + 1))
fi

# ---- with a Compose plugin at hand, let it validate too (no engine needed for `config`) ----
if docker compose version >/dev/null 2>&1; then
  AUTH_SECRET=x MYSQL_PASSWORD=x MYSQL_ROOT_PASSWORD=x docker compose -f docker/compose.yaml config -q && ok "docker compose config" || fail "docker compose config"
  AUTH_SECRET=x MYSQL_PASSWORD=x MYSQL_ROOT_PASSWORD=x MYSQL_REPLICATION_PASSWORD=x docker compose -f docker/compose.yaml -f docker/compose.replica.yaml config -q && ok "docker compose config (with the replica)" || fail "docker compose config (with the replica)"
fi

echo
if [ "$failures" -gt 0 ]; then echo "docker/check.sh: $failures problem(s)" >&2; exit 1; fi
echo "docker/check.sh: all checks passed"
