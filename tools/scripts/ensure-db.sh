#!/usr/bin/env bash
# Makes sure a MySQL-family server answers at DATABASE_URL (default mysql://root@127.0.0.1:3306/dangbo).
# Where nothing answers on this machine and we are root on Debian, installs and starts MariaDB from Debian's
# packages and lets root log in over TCP without a password (development and CI only). Otherwise it says what to do.
set -euo pipefail
url=${DATABASE_URL:-mysql://root@127.0.0.1:3306/dangbo}
hostport=${url#*://}; hostport=${hostport#*@}; hostport=${hostport%%/*}
host=${hostport%%:*}; port=${hostport##*:}; [ "$port" = "$hostport" ] && port=3306

answers() { (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null; }

if answers; then
  # The read-replica test starts its own pair of mariadbd servers, whatever answers here: on Debian as root, their
  # binaries without a service (mariadb-server-core; where nothing answers, mariadb-server below brings them). Not
  # fatal: without them that test fails and says why.
  if ! command -v mariadbd >/dev/null && [ ! -x /usr/sbin/mariadbd ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "dangbo: installing MariaDB's server binaries (mariadb-server-core) for the read-replica test…"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mariadb-server-core >/dev/null; } \
      || echo "dangbo: could not install mariadb-server-core; apps/api/test/read-replica.integration-spec.ts will fail" >&2
  fi
  exit 0
fi

local_host=false
case "$host" in 127.0.0.1|localhost|::1) local_host=true ;; esac
if ! $local_host || [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
  echo "dangbo: no database answers at $host:$port." >&2
  echo "  Start MySQL 8.4 or MariaDB 10.11 there, or set DATABASE_URL=mysql://user:password@host:port/dangbo" >&2
  echo "  (on Debian as root this script installs MariaDB itself: sudo apt-get install mariadb-server)." >&2
  exit 1
fi

if ! command -v mariadbd >/dev/null && [ ! -x /usr/sbin/mariadbd ]; then
  echo "dangbo: installing MariaDB from Debian's packages…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mariadb-server >/dev/null
fi

echo "dangbo: starting MariaDB…"
mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld 2>/dev/null || true
if ! service mariadb start >/dev/null 2>&1; then
  start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd -- --user=mysql
fi
for _ in $(seq 60); do answers && break; sleep 1; done
answers || { echo "dangbo: MariaDB did not start on $host:$port" >&2; exit 1; }

# A fresh Debian install lets root in only through the unix socket; the URL logs in over TCP.
if [ "$url" = "${url#*://root@}" ] || [ "${url#*://root:}" != "$url" ]; then exit 0; fi
if ! mariadb -h 127.0.0.1 -P "$port" -uroot -e 'SELECT 1' >/dev/null 2>&1; then
  mariadb -uroot -e "ALTER USER 'root'@'localhost' IDENTIFIED VIA unix_socket OR mysql_native_password USING PASSWORD(''); FLUSH PRIVILEGES;"
fi
