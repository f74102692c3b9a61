/**
 * One JSON line per /graphql request, written when the answer is done: request id (also in the `x-request-id`
 * header), operation name, caller (user id and token id), HTTP status, error codes, duration and SQL statement
 * count. Never the query text, variables, tokens, passwords or names: only ids and codes. The same observation
 * feeds the duration histogram and the error counter of /metrics.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { NextFunction, Request, Response } from 'express';
import { AsyncLocalStorage } from 'node:async_hooks';
import { Context } from '../context';
import { requestActivity } from '../core/request-activity';
import { sqlCounter } from '../database/sql-counter';
import { Metrics, operationLabel } from './metrics';
import { requestIdOf } from './request-id';

/** Where log lines go: one object per call. The default writes one JSON line to stdout. */
export type LogSink = (entry: Record<string, unknown>) => void;

export const stdoutSink: LogSink = (entry) => {
  process.stdout.write(`${JSON.stringify(entry)}\n`);
};

interface RequestRecord {
  started: bigint;
  operation: string | null;
  userId: number | null;
  tokenId: number | null;
  sqlStatements: number;
  errorCodes: string[];
}

const storage = new AsyncLocalStorage<RequestRecord>();
const records = new WeakMap<Request, RequestRecord>();

export interface RequestObserver {
  /** First on /graphql (after the request id): starts the clock and logs when the answer is done. */
  begin(req: Request, res: Response, next: NextFunction): void;
  /** After the body parser: makes the record visible to the Apollo plugin below. */
  enter(req: Request, res: Response, next: NextFunction): void;
  plugin: ApolloServerPlugin<Context>;
}

export function requestObserver(log: LogSink, metrics: Metrics): RequestObserver {
  const operationNames = new Set<string>();
  return {
    begin(req, res, next) {
      const record: RequestRecord = { started: process.hrtime.bigint(), operation: null, userId: null, tokenId: null, sqlStatements: 0, errorCodes: [] };
      records.set(req, record);
      metrics.inFlight.inc();
      requestActivity.begin();
      res.on('close', () => {
        metrics.inFlight.dec();
        requestActivity.end();
        const seconds = Number(process.hrtime.bigint() - record.started) / 1e9;
        const operation = operationLabel(record.operation, operationNames);
        metrics.requestDuration.observe({ operation }, seconds);
        log({
          time: new Date().toISOString(),
          level: record.errorCodes.length || res.statusCode >= 500 ? 'warn' : 'info',
          msg: 'graphql request',
          requestId: requestIdOf(req),
          operation,
          userId: record.userId,
          tokenId: record.tokenId,
          status: res.statusCode,
          errorCodes: record.errorCodes,
          durationMs: Math.round(seconds * 10000) / 10,
          sqlStatements: record.sqlStatements,
          ...(res.writableFinished ? {} : { aborted: true }),
        });
      });
      next();
    },
    enter(req, _res, next) {
      const record = records.get(req);
      if (record) storage.run(record, next);
      else next();
    },
    plugin: {
      async requestDidStart() {
        return {
          async willSendResponse({ contextValue, operationName, request, response }) {
            const record = storage.getStore();
            if (!record) return;
            record.operation = operationName ?? request.operationName ?? null;
            record.userId = contextValue.actor?.userId ?? null;
            record.tokenId = contextValue.actor?.tokenId ?? null;
            record.sqlStatements = sqlCounter.current();
            const errors = response.body.kind === 'single' ? response.body.singleResult.errors ?? [] : [];
            for (const error of errors) {
              const code = String(error.extensions?.code ?? 'UNKNOWN');
              const label = /^[A-Z_]{1,40}$/.test(code) ? code : 'OTHER';
              record.errorCodes.push(label);
              metrics.errors.inc({ code: label });
            }
          },
        };
      },
    },
  };
}
