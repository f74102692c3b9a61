/**
 * One id per HTTP request: taken from `x-request-id` (a proxy's) or made up, echoed in the response header, kept in
 * AsyncLocalStorage so the error formatter can log a masked error under the same id the client was shown.
 */
import type { NextFunction, Request, Response } from 'express';
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

const storage = new AsyncLocalStorage<string>();
const ids = new WeakMap<Request, string>();

// The id lands in the audit log (varchar 40) and in log lines: no control characters or line breaks from outside.
const SAFE_ID = /^[A-Za-z0-9._:-]{1,40}$/;

/** Names the request and echoes the id; first in the chain, so even a refused body answers with it. */
export function assignRequestId(req: Request, res: Response, next: NextFunction): void {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && SAFE_ID.test(given) ? given : randomUUID();
  ids.set(req, id);
  res.setHeader('x-request-id', id);
  next();
}

/**
 * Makes the id visible to everything the rest of the chain calls. Placed after body parsing: the body parser
 * continues from stream callbacks, which do not carry the AsyncLocalStorage of the middleware before it.
 */
export function withRequestId(req: Request, _res: Response, next: NextFunction): void {
  storage.run(requestIdOf(req), next);
}

/** The id of this request (a fresh one if assignRequestId did not run). */
export function requestIdOf(req: Request): string {
  let id = ids.get(req);
  if (!id) {
    id = randomUUID();
    ids.set(req, id);
  }
  return id;
}

/** The id of the request being handled, for code that has no `req` (the GraphQL error formatter). */
export function currentRequestId(): string | undefined {
  return storage.getStore();
}
