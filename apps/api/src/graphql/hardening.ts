/**
 * Limits on what one request may ask: depth, aliases, tokens and cost (graphql-armor), the hard perPage maximum
 * (list-args.ts), and introspection only for signed-in callers outside development (and never with a refused token:
 * an expired session answers introspection like any query, HTTP 401 UNAUTHENTICATED). The admin's own queries stay
 * well inside these (the e2e suite runs with them on).
 */
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode } from '@dangbo/shared-types';
import { GraphQLError } from 'graphql';
import { AppConfig } from '../config/env';
import { Context } from '../context';

export const LIMITS = { maxDepth: 10, maxAliases: 20, maxTokens: 4000, maxCost: 20000 } as const;


function armor() {
  const onReject = [(_ctx: unknown, error: GraphQLError) => error];
  const armor = new ApolloArmor({
    maxDepth: { n: LIMITS.maxDepth, onReject, propagateOnRejection: true },
    maxAliases: { n: LIMITS.maxAliases, onReject, propagateOnRejection: true },
    maxTokens: { n: LIMITS.maxTokens, onReject, propagateOnRejection: true },
    costLimit: { maxCost: LIMITS.maxCost, onReject, propagateOnRejection: true },
    maxDirectives: { n: 20 },
    blockFieldSuggestion: { enabled: true },
  });
  return armor.protect();
}

function plugins(config: AppConfig): ApolloServerPlugin<Context>[] {
  return [
    {
      async requestDidStart() {
        return {
          async didResolveOperation({ contextValue, document }) {
            if (contextValue.access.authenticated) return;
            if (config.nodeEnv === 'development' && !contextValue.authFailure) return;
            const text = JSON.stringify(document);
            if (text.includes('"__schema"') || text.includes('"__type"')) {
              const message = contextValue.authFailure ?? 'Cần đăng nhập để đọc cấu trúc API';
              throw new GraphQLError(message, { extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } } });
            }
          },
        };
      },
    },
  ];
}

export const hardening = { armor, plugins };
