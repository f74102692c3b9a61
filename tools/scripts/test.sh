#!/usr/bin/env bash
# npm test: the whole suite, doing its own set-up. Lint, typecheck, unit tests, the schema and migration checks,
# API integration tests against a real MariaDB/MySQL, and the admin panel in Chromium.
set -euo pipefail
cd "$(dirname "$0")/../.."
export NX_DAEMON=false NX_NO_CLOUD=true NODE_ENV=test
bash tools/scripts/ensure-deps.sh
bash tools/scripts/ensure-db.sh
bash tools/scripts/ensure-chromium.sh
bash tools/scripts/ensure-libreoffice.sh
rm -rf tmp/test-results && mkdir -p tmp/test-results
export JEST_JSON_DIR=$PWD/tmp/test-results

step() { echo; echo "== $*"; }
step "lint, typecheck, unit tests, build"
npx nx run-many -t lint typecheck test build --outputStyle=static --skip-nx-cache
step "schema and migration checks"
npx nx run api:schema-check --outputStyle=static
npx nx run api:migration-check --outputStyle=static
node tools/scripts/check-sql-subset.mjs
step "deployment files (no Docker engine here: what can be checked by reading)"
bash docker/check.sh
step "API integration tests (GraphQL over HTTP, real database)"
npx nx run api:integration --outputStyle=static
step "the admin panel in Chromium (Playwright, Debian's chromium)"
npx nx run admin-e2e:e2e --outputStyle=static
node tools/scripts/summarize-tests.mjs tmp/test-results
