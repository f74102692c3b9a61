# Sourced by the mysql image's entrypoint on the replica's first start (compose.replica.yaml, an empty volume):
# follow the primary from its first transaction by GTID, over TLS (the server's own certificates), and take no
# writes but replication's from then on. Replication starts by itself when the server starts for real.
docker_process_sql --database=mysql <<SQL
CHANGE REPLICATION SOURCE TO
  SOURCE_HOST = 'mysql', SOURCE_PORT = 3306,
  SOURCE_USER = 'replication', SOURCE_PASSWORD = '${MYSQL_REPLICATION_PASSWORD}',
  SOURCE_AUTO_POSITION = 1, SOURCE_SSL = 1, SOURCE_CONNECT_RETRY = 10;
SET PERSIST read_only = ON;
SET PERSIST super_read_only = ON;
SQL
