// Preloaded into the API process by the rating-job benchmark (node --require, which also runs in its worker
// threads): counts every statement the process sends through mysql2 (the job runs outside any request, and on a
// thread of its own, so the per-request x-sql-statements header cannot see it), threads reporting to the main one,
// which serves the running totals as JSON on 127.0.0.1:$BENCH_COUNTER_PORT. Statements of the worker threads (the
// rating jobs) are also timed, call to answer, by kind: where a job's time goes. Other clients of the same MariaDB
// do not count.
const http = require('node:http');
const { isMainThread } = require('node:worker_threads');
const { Connection } = require('mysql2');

const totals = { statements: 0, thread: { statements: 0, reads: 0, writes: 0, transaction: 0 } };
const channel = new BroadcastChannel('bench-sql-count');
channel.unref();
const kindOf = (sql) => {
  const head = String(typeof sql === 'string' ? sql : (sql && sql.sql) || '').trimStart().slice(0, 20).toUpperCase();
  if (/^(SELECT|WITH)/.test(head)) return 'reads';
  if (/^(INSERT|UPDATE|DELETE|REPLACE|LOAD)/.test(head)) return 'writes';
  return 'transaction';
};
for (const name of ['query', 'execute']) {
  const original = Connection.prototype[name];
  Connection.prototype[name] = function counted(...args) {
    totals.statements += 1;
    if (isMainThread) return original.apply(this, args);
    const kind = kindOf(args[0]);
    const started = performance.now();
    const report = () => channel.postMessage({ kind, ms: performance.now() - started });
    const at = args.findIndex((a) => typeof a === 'function');
    if (at >= 0) {
      const callback = args[at];
      args[at] = function answered(...results) {
        report();
        return callback.apply(this, results);
      };
      return original.apply(this, args);
    }
    const command = original.apply(this, args);
    command?.once?.('end', report);
    return command;
  };
}
if (isMainThread) {
  channel.onmessage = ({ data }) => {
    totals.statements += 1;
    totals.thread.statements += 1;
    totals.thread[data.kind] += data.ms;
  };
  http
    .createServer((req, res) => res.end(JSON.stringify(totals)))
    .listen(Number(process.env.BENCH_COUNTER_PORT ?? 4311), '127.0.0.1')
    .unref();
}
