/**
 * Plain HTTP routes beside /graphql (files: reports, exports, imports) with the same bearer token, the same
 * request context (scope, access) and the same Vietnamese errors, answered as `{ error: { code, message, ... } }`
 * with the matching HTTP status. A failure after a file has started streaming aborts the response (the client sees
 * a broken download, never a half file presented as whole).
 */
import { ErrorCode } from '@dangbo/shared-types';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/env';
import { Context, createContext } from '../../context';
import { isConnectionError } from '../../database/connection-errors';
import { AppError, DatabaseUnavailableError } from '../../core/errors';
import { unexpectedError } from '../../graphql/format-error';
import { requestIdOf } from '../../http/request-id';
import { authenticate } from '../auth/authenticate';

const STATUS: Partial<Record<string, number>> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.TOO_MANY_REQUESTS]: 429,
  [ErrorCode.SERVICE_UNAVAILABLE]: 503,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
};

/** An HTTP-only refusal (a body too large, a wrong media type): AppError codes cover the rest. */
export class HttpRefusal extends AppError {
  constructor(code: 'PAYLOAD_TOO_LARGE' | 'UNSUPPORTED_MEDIA_TYPE', message: string, extra: Record<string, unknown> = {}) {
    super(code as ErrorCode, message, extra);
  }
}

export function sendError(res: Response, error: unknown, requestId: string): void {
  if (res.headersSent) {
    console.error('[error after headers]', requestId, error);
    res.destroy(error instanceof Error ? error : undefined);
    return;
  }
  if (isConnectionError(error)) error = new DatabaseUnavailableError();
  if (error instanceof AppError) {
    res.status(STATUS[error.code] ?? 400).json({ error: { code: error.code, message: error.message, ...error.extra, requestId } });
    return;
  }
  const masked = unexpectedError(error, requestId);
  res.status(500).json({ error: { message: masked.message, ...masked.extensions } });
}

/** The request's context: the bearer token is required here (no anonymous downloads). */
async function contextOf(config: AppConfig, dataSource: DataSource, req: Request): Promise<Context> {
  const caller = await authenticate(config, dataSource, req.headers.authorization);
  if (!caller.actor) throw new AppError(ErrorCode.UNAUTHENTICATED, 'Bạn cần đăng nhập để tải tệp');
  return createContext({ requestId: requestIdOf(req), config, dataSource, ...caller, clientAddress: req.ip ?? 'unknown' });
}

/** Refuses a caller without a valid token before anything else (an upload is not read for an anonymous caller). */
export function requireSession(config: AppConfig, dataSource: DataSource): RequestHandler {
  return (req, res, next) => {
    contextOf(config, dataSource, req).then(
      () => next(),
      (error) => sendError(res, error, requestIdOf(req)),
    );
  };
}

export type RestHandler = (ctx: Context, req: Request, res: Response) => Promise<void>;

export function rest(config: AppConfig, dataSource: DataSource, handler: RestHandler): RequestHandler {
  return (req: Request, res: Response, _next: NextFunction) => {
    const requestId = requestIdOf(req);
    contextOf(config, dataSource, req)
      .then((ctx) => handler(ctx, req, res))
      .catch((error) => sendError(res, error, requestId));
  };
}

/** A query parameter as one string (Express gives arrays for repeated keys). */
export function queryParam(req: Request, name: string): string | undefined {
  const v = req.query[name];
  if (Array.isArray(v)) return typeof v[0] === 'string' ? v[0] : undefined;
  return typeof v === 'string' ? v : undefined;
}

/** `attachment; filename=…` with an ASCII fallback and the UTF-8 name (RFC 6266 / 5987). */
export function attachment(fileName: string): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D'))
    .replace(/[^A-Za-z0-9._-]+/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
