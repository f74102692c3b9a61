/**
 * The HTTP edge of /graphql: whatever is wrong with a request before GraphQL sees it (not JSON, too large, an
 * unknown charset or encoding, malformed JSON) and whatever escapes the Apollo middleware is answered in the
 * GraphQL error shape `{ errors: [{ message, extensions: { code } }] }` with a Vietnamese message, never with
 * Express's HTML page or a stack trace.
 */
import type { ErrorRequestHandler, NextFunction, Request, Response } from 'express';
import express from 'express';
import { httpStatusOfErrors, unexpectedError } from '../graphql/format-error';
import { requestIdOf } from './request-id';

/** Codes of the HTTP edge (GraphQL's own codes are in ErrorCode). */
export const EdgeCode = {
  BAD_REQUEST: 'BAD_REQUEST',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
} as const;

/** The largest request body /graphql reads (a criteria-set draft is the largest legitimate one). */
export const GRAPHQL_BODY_LIMIT = '1mb';

interface EdgeAnswer {
  status: number;
  code: string;
  message: string;
}

export function sendGraphqlError(res: Response, status: number, body: { message: string; extensions: Record<string, unknown> }): void {
  res.status(status).type('application/json; charset=utf-8').send(JSON.stringify({ errors: [body] }));
}

/**
 * A POST must carry JSON. Checked before the body is read; Apollo's CSRF guard still runs for every request that
 * gets through (GET without a preflight header, and JSON POSTs are what it lets pass).
 */
export function requireJsonPost(req: Request, res: Response, next: NextFunction): void {
  // req.is answers null for a body-less request: Apollo then refuses it itself ("POST body missing"), as JSON.
  if (req.method !== 'POST' || req.is('application/json') !== false) return next();
  sendGraphqlError(res, 415, {
    message: 'Yêu cầu POST phải gửi JSON (content-type: application/json)',
    extensions: { code: EdgeCode.UNSUPPORTED_MEDIA_TYPE },
  });
}

/** The body parser of /graphql. */
export const graphqlJsonBody = () => express.json({ limit: GRAPHQL_BODY_LIMIT });

// body-parser marks each refusal with a `type` (see body-parser's README, "Errors").
function bodyParserAnswer(type: string): EdgeAnswer | null {
  switch (type) {
    case 'entity.parse.failed':
      return { status: 400, code: EdgeCode.BAD_REQUEST, message: 'Thân yêu cầu không phải JSON hợp lệ' };
    case 'entity.too.large':
      return { status: 413, code: EdgeCode.PAYLOAD_TOO_LARGE, message: `Thân yêu cầu quá lớn (tối đa ${GRAPHQL_BODY_LIMIT})` };
    case 'charset.unsupported':
      return { status: 415, code: EdgeCode.UNSUPPORTED_MEDIA_TYPE, message: 'Bảng mã của yêu cầu không được hỗ trợ; hãy gửi UTF-8' };
    case 'encoding.unsupported':
      return { status: 415, code: EdgeCode.UNSUPPORTED_MEDIA_TYPE, message: 'Cách nén thân yêu cầu không được hỗ trợ (chỉ gzip, deflate, br)' };
    case 'request.aborted':
    case 'request.size.invalid':
      return { status: 400, code: EdgeCode.BAD_REQUEST, message: 'Thân yêu cầu bị cắt ngang hoặc sai độ dài' };
    default:
      return null;
  }
}

/** Last in the /graphql chain: the body parser's refusals, and anything the Apollo middleware threw. */
export const graphqlEdgeErrors: ErrorRequestHandler = (error, req, res, next) => {
  if (res.headersSent) return next(error);
  const type = (error as { type?: unknown })?.type;
  const known = typeof type === 'string' ? bodyParserAnswer(type) : null;
  if (known) {
    sendGraphqlError(res, known.status, { message: known.message, extensions: { code: known.code } });
    return;
  }
  const masked = unexpectedError(error, requestIdOf(req));
  sendGraphqlError(res, httpStatusOfErrors([masked]) ?? 500, { message: masked.message, extensions: masked.extensions ?? {} });
};

/**
 * Last in the whole app: a failure outside /graphql (a path the static server cannot decode, say) gets a short
 * JSON answer instead of Express's page, which prints the stack trace in development.
 */
export const lastErrorHandler: ErrorRequestHandler = (error, req, res, next) => {
  if (res.headersSent) return next(error);
  const status = Number((error as { status?: unknown })?.status);
  if (status >= 400 && status < 500) {
    const notFound = status === 404;
    sendGraphqlError(res, status, {
      message: notFound ? 'Không tìm thấy' : 'Yêu cầu không hợp lệ',
      extensions: { code: notFound ? 'NOT_FOUND' : EdgeCode.BAD_REQUEST },
    });
    return;
  }
  const masked = unexpectedError(error, requestIdOf(req));
  sendGraphqlError(res, 500, { message: masked.message, extensions: masked.extensions ?? {} });
};
