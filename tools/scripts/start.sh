#!/usr/bin/env bash
# npm start: dependencies, database, build, migrations, demo data (on an empty database), API + panel.
set -euo pipefail
cd "$(dirname "$0")/../.."
export NX_DAEMON=false NX_NO_CLOUD=true
bash tools/scripts/ensure-deps.sh
bash tools/scripts/ensure-db.sh
echo "dangbo: building the API…"
npx nx run api:build --outputStyle=static
# The panel is served from apps/admin/dist once it is built (the admin panel lands separately).
if [ -f apps/admin/dist/index.html ]; then export ADMIN_DIST_DIR=${ADMIN_DIST_DIR:-apps/admin/dist}; fi
exec node apps/api/dist/main.js
