# syntax=docker/dockerfile:1
# Scheduled backups (docker/backup-loop.sh): tools/scripts/backup.mjs and restore.mjs, which use Node built-ins only,
# run next to the mysqldump/mysql of the same MySQL 8.4 as the database, so dump and server always match.
# Build from the repository root:  docker build -f docker/backup.Dockerfile -t dangbo-backup .
FROM mysql:8.4
# Oracle Linux's Node.js (any version >= 16 runs the scripts); no npm packages are needed.
RUN microdnf install -y nodejs && microdnf clean all
WORKDIR /app
COPY tools/scripts/backup-lib.mjs tools/scripts/backup.mjs tools/scripts/restore.mjs tools/scripts/
# restore.mjs compares a backup's schema version with the migrations this code knows.
COPY apps/api/src/database/migrations/index.ts apps/api/src/database/migrations/
COPY docker/backup-loop.sh docker/
ENV BACKUP_DIR=/backups
# Not the MySQL server's entrypoint: this container only runs the client tools.
ENTRYPOINT []
CMD ["bash", "docker/backup-loop.sh"]
