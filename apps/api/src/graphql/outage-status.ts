/**
 * HTTP 503 for a whole answer when any of its errors says the database could not be reached, so a stock client
 * (and the panel's banner) can tell an outage by the status alone. Errors raised while creating the context carry
 * the status themselves (DatabaseUnavailableError); this covers those formatted from resolvers' failures.
 *
 * Except after a confirmed COMMIT: a mutation either commits or answers SERVICE_UNAVAILABLE, never both. When the
 * database goes while the saved record's answer is read back (its unit, its memberships), the client is told it
 * was saved (SAVED_RELOAD_NEEDED), so it does not type it again or create it twice.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode } from '@dangbo/shared-types';
import type { GraphQLFormattedError } from 'graphql';
import { httpStatusOfErrors } from './format-error';

const committed = new WeakSet<object>();

/** Called once a request's mutation has committed (audit.service.ts: runMutation, runBulk). */
export function markCommitted(requestContext: object): void {
  committed.add(requestContext);
}

const SAVED_MESSAGE = 'Đã lưu thay đổi, nhưng mất kết nối tới máy chủ dữ liệu khi đọc lại kết quả; đừng lưu lại, hãy tải lại trang để xem';

function afterCommit(error: GraphQLFormattedError): GraphQLFormattedError {
  if (error.extensions?.code !== ErrorCode.SERVICE_UNAVAILABLE) return error;
  return { ...error, message: SAVED_MESSAGE, extensions: { ...error.extensions, code: ErrorCode.SAVED_RELOAD_NEEDED } };
}

export function outageStatus<T extends object>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          if (result.errors && committed.has(contextValue)) result.errors = result.errors.map(afterCommit);
          const status = httpStatusOfErrors(result.errors);
          if (status) response.http.status = status;
        },
      };
    },
  };
}
