#!/usr/bin/env bash
# The backup service (compose.yaml `backup`): one backup when the container starts, then one every
# BACKUP_INTERVAL_HOURS (24); after each successful backup, those older than BACKUP_KEEP_DAYS (14) are deleted.
# A failed backup deletes nothing, so the last good ones stay while someone looks at the error.
set -uo pipefail
cd "$(dirname "$0")/.."
interval=$(( ${BACKUP_INTERVAL_HOURS:-24} * 3600 ))
trap 'exit 0' TERM INT
while true; do
  node tools/scripts/backup.mjs --dir "${BACKUP_DIR:-/backups}" --keep-days "${BACKUP_KEEP_DAYS:-14}" \
    || echo "backup failed (exit $?); next attempt in ${BACKUP_INTERVAL_HOURS:-24} h" >&2
  sleep "$interval" &
  wait $!
done
