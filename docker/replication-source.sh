# Sourced by the mysql image's entrypoint on the primary's first start (compose.replica.yaml, an empty volume): the
# account the replica reads the binary log with. It replicates like everything else (unused on the replica).
docker_process_sql --database=mysql <<SQL
CREATE USER 'replication'@'%' IDENTIFIED BY '${MYSQL_REPLICATION_PASSWORD}';
GRANT REPLICATION SLAVE ON *.* TO 'replication'@'%';
SQL
