#!/usr/bin/env bash
# npm start: dependencies, database, build, migrations, demo data (on an empty database), API + panel.
set -euo pipefail
cd "$(dirname "$0")/../.."
export NX_DAEMON=false NX_NO_CLOUD=true
bash tools/scripts/ensure-deps.sh
bash tools/scripts/ensure-db.sh
echo "dangbo: building the API and the panel…"
npx nx run-many -t build -p api admin --outputStyle=static
export ADMIN_DIST_DIR=${ADMIN_DIST_DIR:-apps/admin/dist}
exec node apps/api/dist/main.js
