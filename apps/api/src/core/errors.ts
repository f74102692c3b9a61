/**
 * Feature code throws `AppError`s with a code and a Vietnamese message; `formatError` turns them (and the errors
 * of type-graphql, class-validator and GraphQL itself) into `extensions.code`. Anything else is logged with the
 * request id and masked outside development.
 */
import { ErrorCode } from '@dangbo/shared-types';
import { GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError, AuthenticationError, AuthorizationError } from 'type-graphql';
import type { ValidationError } from 'class-validator';

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

/** The stale-version answer of optimistic locking. */
export function staleVersionError(entity: string): ConflictError {
  return new ConflictError(`${entity} đã được người khác sửa trong lúc bạn làm việc; hãy tải lại rồi sửa lại`, {
    field: 'version',
  });
}

function firstValidationMessage(errors: ValidationError[], prefix = ''): { field: string; message: string } | null {
  for (const e of errors) {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    if (e.constraints) {
      const message = Object.values(e.constraints)[0];
      return { field, message };
    }
    if (e.children?.length) {
      const inner = firstValidationMessage(e.children, field);
      if (inner) return inner;
    }
  }
  return null;
}

export function formatError(showDetails: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = (error as { originalError?: unknown })?.originalError ?? error;
    const path = formatted.path;
    if (original instanceof AppError) {
      return { message: original.message, path, extensions: { code: original.code, ...original.extra } };
    }
    if (original instanceof ArgumentValidationError) {
      const first = firstValidationMessage(original.extensions.validationErrors as ValidationError[]);
      return {
        message: first?.message ?? 'Dữ liệu không hợp lệ',
        path,
        extensions: { code: ErrorCode.BAD_USER_INPUT, field: first?.field },
      };
    }
    if (original instanceof AuthenticationError) {
      return { message: 'Bạn cần đăng nhập', path, extensions: { code: ErrorCode.UNAUTHENTICATED } };
    }
    if (original instanceof AuthorizationError) {
      return { message: 'Bạn không có quyền thực hiện thao tác này', path, extensions: { code: ErrorCode.FORBIDDEN } };
    }
    const code = formatted.extensions?.code as string | undefined;
    // Errors GraphQL itself raised (parse, validation, variable coercion) are safe to show as they are.
    if (code && code !== 'INTERNAL_SERVER_ERROR') {
      return { message: formatted.message, locations: formatted.locations, path, extensions: { code } };
    }
    const requestId = (error as { requestId?: string })?.requestId;
    console.error('[error]', requestId ?? '', original);
    if (showDetails) return { ...formatted, extensions: { ...formatted.extensions, code: ErrorCode.INTERNAL_SERVER_ERROR } };
    return { message: 'Lỗi máy chủ; mã yêu cầu đã được ghi lại', path, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
  };
}
