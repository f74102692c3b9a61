/**
 * HTTP 503 for a whole answer when any of its errors says the database could not be reached, so a stock client
 * (and the panel's banner) can tell an outage by the status alone. Errors raised while creating the context carry
 * the status themselves (DatabaseUnavailableError); this covers those formatted from resolvers' failures.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { httpStatusOfErrors } from './format-error';

export function outageStatus<T extends object>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const status = httpStatusOfErrors(response.body.singleResult.errors);
          if (status) response.http.status = status;
        },
      };
    },
  };
}
