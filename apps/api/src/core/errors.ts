/**
 * The error types of every feature: an `AppError` carries a code and a Vietnamese message (and the field for bad
 * input). graphql/format-error.ts turns them into `extensions.code` at the edge.
 */
import { ErrorCode } from '@dangbo/shared-types';

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** Bad input, naming the offending field (the admin shows the message next to it). */
export class BadInputError extends AppError {
  constructor(field: string, message: string, extra: Record<string, unknown> = {}) {
    super(ErrorCode.BAD_USER_INPUT, message, { field, ...extra });
  }
}

export class NotFoundError extends AppError {
  constructor(entity: string, id: string | number) {
    super(ErrorCode.NOT_FOUND, `Không tìm thấy ${entity} có mã ${id}`, { entity, id: String(id) });
  }
}

export class ConflictError extends AppError {
  constructor(message: string, extra: Record<string, unknown> = {}) {
    super(ErrorCode.CONFLICT, message, extra);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'Bạn không có quyền thực hiện thao tác này') {
    super(ErrorCode.FORBIDDEN, message);
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = 'Bạn cần đăng nhập') {
    super(ErrorCode.UNAUTHENTICATED, message);
  }
}

/**
 * No valid session (no token, or an expired, tampered or revoked one): UNAUTHENTICATED answered with HTTP 401, the
 * same for queries, mutations and introspection, so a stock client recognises it by status alone (Apollo Client's
 * `networkError.statusCode`, react-admin's `error.status`). A wrong password at login stays a 200 answer.
 */
export class SessionRequiredError extends UnauthenticatedError {
  // GraphQLError copies these from the error a resolver throws; Apollo Server takes the HTTP status from them.
  readonly extensions = { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } };
}

/** The database cannot be reached: HTTP 503 (also when raised while the context is created, see app.ts). */
export class DatabaseUnavailableError extends AppError {
  readonly extensions = { code: ErrorCode.SERVICE_UNAVAILABLE, http: { status: 503 } };
  constructor() {
    super(ErrorCode.SERVICE_UNAVAILABLE, 'Mất kết nối tới máy chủ dữ liệu; hệ thống đang thử lại, xin thử lại sau ít giây');
  }
}

/**
 * The connection was lost after COMMIT was sent: the change may or may not have been saved. Not reported as a
 * failure (retrying could apply it twice): the user reloads and checks; the record's version shows whether it
 * changed.
 */
export class CommitUnknownError extends AppError {
  readonly extensions = { code: ErrorCode.SERVICE_UNAVAILABLE, outcome: 'UNKNOWN', http: { status: 503 } };
  constructor() {
    super(
      ErrorCode.SERVICE_UNAVAILABLE,
      'Mất kết nối tới máy chủ dữ liệu đúng lúc lưu: chưa rõ thay đổi đã được lưu hay chưa. Hãy tải lại trang và kiểm tra trước khi lưu lại',
      { outcome: 'UNKNOWN' },
    );
  }
}

/** The stale-version answer of optimistic locking. */
export function staleVersionError(entity: string): ConflictError {
  return new ConflictError(`${entity} đã được người khác sửa trong lúc bạn làm việc; hãy tải lại rồi sửa lại`, {
    field: 'version',
  });
}
