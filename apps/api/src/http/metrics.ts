/**
 * GET /metrics in the Prometheus text format (prom-client): GraphQL request durations by operation name, errors by
 * code, the database pool, job progress, requests in flight and Node's default process metrics (event-loop delay
 * included). One registry per server, so tests that start several servers in one process do not share series.
 *
 * Closed by default: with METRICS_TOKEN unset the endpoint answers 404 (it does not exist for anyone); with it set,
 * a request without `Authorization: Bearer <METRICS_TOKEN>` gets 401.
 */
import type { Request, Response } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { createHash, timingSafeEqual } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/env';
import { jobProgress } from '../core/job-progress';
import { primaryPool } from '../database/data-source';

export interface Metrics {
  registry: Registry;
  /** Seconds per GraphQL request, by operation name. */
  requestDuration: Histogram<'operation'>;
  /** GraphQL errors answered, by `extensions.code`. */
  errors: Counter<'code'>;
  inFlight: Gauge;
  /** The /metrics route. */
  handler: (req: Request, res: Response) => Promise<void>;
}

/** Operation names come from clients: only identifiers, and at most this many distinct ones become labels. */
const MAX_OPERATION_LABELS = 200;
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** The label for an operation name: the name, "anonymous", or "other" (not an identifier, or too many names). */
export function operationLabel(name: string | null | undefined, seen: Set<string>): string {
  if (!name) return 'anonymous';
  if (!IDENTIFIER.test(name)) return 'other';
  if (seen.has(name)) return name;
  if (seen.size >= MAX_OPERATION_LABELS) return 'other';
  seen.add(name);
  return name;
}

interface MysqlPool {
  _allConnections?: { length: number };
  _freeConnections?: { length: number };
  _connectionQueue?: { length: number };
  config?: { connectionLimit?: number };
}

/** The mysql2 pool inside TypeORM's driver (a private field of both: read defensively). */
function poolOf(dataSource: DataSource): MysqlPool | null {
  // With read replicas, the primary's pool: replicas are not counted here.
  const pool = primaryPool(dataSource) as MysqlPool | undefined;
  return pool && pool._allConnections ? pool : null;
}

function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

export function createMetrics(config: AppConfig, dataSource: DataSource): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });

  const requestDuration = new Histogram({
    name: 'dangbo_graphql_request_duration_seconds',
    help: 'GraphQL requests by operation name, from receipt to the last byte of the answer',
    labelNames: ['operation'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const errors = new Counter({
    name: 'dangbo_graphql_errors_total',
    help: 'GraphQL errors answered, by extensions.code',
    labelNames: ['code'],
    registers: [registry],
  });
  const inFlight = new Gauge({ name: 'dangbo_http_requests_in_flight', help: 'GraphQL requests received and not yet answered', registers: [registry] });
  new Gauge({
    name: 'dangbo_db_pool_connections',
    help: 'Database pool: connections in use, idle, the pool limit, and requests waiting for a connection',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      const pool = poolOf(dataSource);
      if (!pool) return;
      const all = pool._allConnections?.length ?? 0;
      const idle = pool._freeConnections?.length ?? 0;
      this.set({ state: 'in_use' }, all - idle);
      this.set({ state: 'idle' }, idle);
      this.set({ state: 'waiting' }, pool._connectionQueue?.length ?? 0);
      this.set({ state: 'limit' }, pool.config?.connectionLimit ?? 0);
    },
  });
  new Gauge({
    name: 'dangbo_jobs_running',
    help: 'Long-running jobs (rating runs, imports) in progress',
    registers: [registry],
    collect() {
      this.set(jobProgress.snapshot().size);
    },
  });
  new Gauge({
    name: 'dangbo_job_progress_ratio',
    help: 'Share of a running job done (0..1), by job kind and id',
    labelNames: ['kind', 'job'],
    registers: [registry],
    collect() {
      this.reset();
      for (const [id, job] of jobProgress.snapshot()) this.set({ kind: job.kind, job: id }, job.total > 0 ? job.done / job.total : 0);
    },
  });

  const handler = async (req: Request, res: Response): Promise<void> => {
    if (!config.metricsToken) {
      res.status(404).type('text/plain').send('Not Found');
      return;
    }
    const auth = req.headers.authorization ?? '';
    const given = auth.startsWith('Bearer ') ? auth.slice('Bearer '.length) : '';
    if (!given || !sameSecret(given, config.metricsToken)) {
      res.status(401).set('www-authenticate', 'Bearer').type('text/plain').send('Unauthorized');
      return;
    }
    res.set('content-type', registry.contentType).set('cache-control', 'no-store');
    res.send(await registry.metrics());
  };

  return { registry, requestDuration, errors, inFlight, handler };
}
