/**
 * The GraphQL edge of errors: `AppError`s (core/errors.ts) and the errors of type-graphql and GraphQL itself
 * become `extensions.code` with a Vietnamese message. Anything else is logged with the request id and masked
 * in every NODE_ENV; a lost database is SERVICE_UNAVAILABLE.
 */
import { ErrorCode } from '@dangbo/shared-types';
import { GraphQLFormattedError } from 'graphql';
import { AuthenticationError, AuthorizationError } from 'type-graphql';
import { AppError, DatabaseUnavailableError } from '../core/errors';
import { isConnectionError } from '../database/connection-errors';
import { currentRequestId } from '../http/request-id';

/**
 * The single place an error nobody anticipated becomes an answer (GraphQL resolvers, context creation, the HTTP
 * edge): logged server-side with the request id, answered with a generic message and the id to quote. Nothing of
 * the error itself (message, stack, SQL) leaves the server, in any NODE_ENV. A database outage (a refused or lost
 * connection, connection-errors.ts) is answered as SERVICE_UNAVAILABLE instead, again without the driver's text.
 */
export function unexpectedError(error: unknown, requestId = currentRequestId()): GraphQLFormattedError {
  if (isConnectionError(error)) {
    // One short line per refused request: an outage must not flood the log with stacks.
    console.error('[database unavailable]', requestId ?? '-', describeConnectionError(error));
    const unavailable = new DatabaseUnavailableError();
    return { message: unavailable.message, extensions: { code: unavailable.code, ...(requestId ? { requestId } : {}) } };
  }
  console.error('[error]', requestId ?? '-', error);
  return {
    message: 'Lỗi máy chủ; mã yêu cầu đã được ghi lại',
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, ...(requestId ? { requestId } : {}) },
  };
}

function describeConnectionError(error: unknown): string {
  const e = error as { code?: unknown; message?: unknown; driverError?: { code?: unknown; message?: unknown } };
  const code = e.driverError?.code ?? e.code;
  return `${typeof code === 'string' ? code : ''} ${String(e.driverError?.message ?? e.message ?? '')}`.trim();
}

/** The HTTP status of a whole answer carrying these errors: 503 when the database could not be reached. */
export function httpStatusOfErrors(errors: readonly GraphQLFormattedError[] | undefined): number | null {
  return errors?.some((e) => e.extensions?.code === ErrorCode.SERVICE_UNAVAILABLE) ? 503 : null;
}

// Apollo's own refusals of a malformed HTTP request (code BAD_REQUEST), in Vietnamese; its English text stays
// in `extensions.reason` for the client's developer.
const APOLLO_REQUEST_MESSAGES: [RegExp, string][] = [
  [/Cross-Site Request Forgery/, 'Yêu cầu bị chặn vì có thể là giả mạo (CSRF): hãy gửi content-type application/json hoặc header apollo-require-preflight'],
  [/batching disabled/, 'Không nhận nhiều thao tác trong một yêu cầu'],
  [/supports only GET\/POST/, 'Chỉ nhận yêu cầu GET hoặc POST'],
  [/GET requests only support query/, 'Yêu cầu GET chỉ dùng cho truy vấn; thao tác thay đổi dữ liệu phải gửi bằng POST'],
  [/POST body missing/, 'Thân yêu cầu trống hoặc không phải đối tượng JSON'],
];

function apolloRequestMessage(message: string): string {
  return APOLLO_REQUEST_MESSAGES.find(([pattern]) => pattern.test(message))?.[1] ?? 'Yêu cầu GraphQL không hợp lệ';
}

export function formatError() {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = (error as { originalError?: unknown })?.originalError ?? error;
    const path = formatted.path;
    if (original instanceof AppError) {
      return { message: original.message, path, extensions: { code: original.code, ...original.extra } };
    }
    if (original instanceof AuthenticationError) {
      return { message: 'Bạn cần đăng nhập', path, extensions: { code: ErrorCode.UNAUTHENTICATED } };
    }
    if (original instanceof AuthorizationError) {
      return { message: 'Bạn không có quyền thực hiện thao tác này', path, extensions: { code: ErrorCode.FORBIDDEN } };
    }
    const code = formatted.extensions?.code as string | undefined;
    if (code === 'BAD_REQUEST') {
      return { message: apolloRequestMessage(formatted.message), extensions: { code, reason: formatted.message } };
    }
    // Errors GraphQL itself raised (parse, validation, variable coercion) are safe to show as they are; only their
    // message, locations and code are copied (never a stacktrace extension).
    if (code && code !== 'INTERNAL_SERVER_ERROR') {
      const field = typeof formatted.extensions?.field === 'string' ? formatted.extensions.field : undefined;
      return { message: formatted.message, locations: formatted.locations, path, extensions: field ? { code, field } : { code } };
    }
    return { ...unexpectedError(original), path };
  };
}
