// Preloaded into the API process by the rating-job benchmark (node --require): counts every statement the process
// sends through mysql2 (the job runs outside any request, so the per-request x-sql-statements header cannot see it)
// and serves the running total on 127.0.0.1:$BENCH_COUNTER_PORT. Other clients of the same MariaDB do not count.
const http = require('node:http');
const { Connection } = require('mysql2');

let statements = 0;
for (const name of ['query', 'execute']) {
  const original = Connection.prototype[name];
  Connection.prototype[name] = function counted(...args) {
    statements += 1;
    return original.apply(this, args);
  };
}
http
  .createServer((req, res) => res.end(String(statements)))
  .listen(Number(process.env.BENCH_COUNTER_PORT ?? 4311), '127.0.0.1')
  .unref();
