/**
 * The HTTP server: Apollo Server 5 on Express 5 at /graphql, /healthz (process) and /readyz (database), and the
 * built admin panel at / when configured. main.ts and the integration tests both build it through here.
 */
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import express from 'express';
import { GraphQLSchema } from 'graphql';
import { existsSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { AppConfig } from './config/env';
import { Context, createContext } from './context';
import { readRouting } from './database/read-replicas';
import { sqlCounter } from './database/sql-counter';
import { AppError, DatabaseUnavailableError } from './core/errors';
import { formatError } from './graphql/format-error';
import { outageStatus } from './graphql/outage-status';
import { isConnectionError } from './database/connection-errors';
import { compiledExecutor } from './graphql/compiled-executor';
import { controlCharacterGuard } from './graphql/control-chars';
import { hardening } from './graphql/hardening';
import { graphqlEdgeErrors, graphqlJsonBody, lastErrorHandler, requireJsonPost } from './http/graphql-edge';
import { panelMiddleware } from './http/panel';
import { assignRequestId, requestIdOf, withRequestId } from './http/request-id';
import { Access } from './modules/auth/access';
import { authenticate } from './modules/auth/authenticate';
import { fileRoutes } from './modules/report/file.routes';
// Operations: /metrics and one JSON log line per request (see http/metrics.ts, http/request-log.ts).
import { createMetrics, Metrics } from './http/metrics';
import { LogSink, requestObserver, stdoutSink } from './http/request-log';

export interface ServerOptions {
  /** Where request log lines go (tests capture them); one JSON line on stdout by default. */
  log?: LogSink;
}

export interface Server {
  app: express.Express;
  apollo: ApolloServer<Context>;
  metrics: Metrics;
}

export async function createServer(config: AppConfig, dataSource: DataSource, schema: GraphQLSchema, options: ServerOptions = {}): Promise<Server> {
  const metrics = createMetrics(config, dataSource);
  const observer = requestObserver(options.log ?? stdoutSink, metrics);
  const protection = hardening.armor();
  const apollo = new ApolloServer<Context>({
    // The schema; a query asked again and again runs compiled (graphql/compiled-executor.ts).
    gateway: compiledExecutor(schema),
    // Never a stack trace in an answer, development included (Apollo's default would add one outside production).
    formatError: formatError(),
    includeStacktraceInErrorResponses: false,
    // Introspection is guarded per request (signed-in callers only outside development), see hardening.ts.
    introspection: true,
    validationRules: protection.validationRules,
    plugins: [
      // No HTTP caching of GraphQL answers here; the plugin would otherwise run on every resolved field.
      ApolloServerPluginCacheControlDisabled(),
      // Every answer of /graphql is JSON: no HTML landing page for browsers, in any mode.
      ApolloServerPluginLandingPageDisabled(),
      observer.plugin,
      ...protection.plugins,
      ...hardening.plugins(config),
      controlCharacterGuard(),
      outageStatus<Context>(),
      {
        async requestDidStart() {
          return {
            // A mutation reads from the primary from its first statement (read-replicas.ts): its checks must not
            // be decided on a replica's older copy, and its answer shows its own write.
            async didResolveOperation({ operation }) {
              if (operation?.operation === 'mutation') readRouting.markWritten();
            },
            async willSendResponse({ response }) {
              if (config.exposeSqlCount) response.http.headers.set('x-sql-statements', String(sqlCounter.current()));
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  // No ETag: answers to POST /graphql are never revalidated, and hashing each one was per-request work.
  app.disable('etag');
  // The client's address (login throttle, logs) comes from X-Forwarded-For only behind a proxy we were told to trust.
  if (config.trustProxy !== null) app.set('trust proxy', config.trustProxy);
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await dataSource.query('SELECT 1');
      res.json({ status: 'ready' });
    } catch {
      res.status(503).json({ status: 'database unavailable' });
    }
  });

  app.get('/metrics', metrics.handler);

  app.use(
    '/graphql',
    assignRequestId,
    observer.begin,
    cors({ origin: config.corsOrigin, credentials: false }),
    requireJsonPost,
    graphqlJsonBody(),
    withRequestId,
    observer.enter,
    (_req, _res, next) => sqlCounter.run(() => readRouting.run(() => next())),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const requestId = requestIdOf(req);
        try {
          const caller = await authenticate(config, dataSource, req.headers.authorization);
          return createContext({ requestId, config, dataSource, ...caller, clientAddress: req.ip ?? 'unknown' });
        } catch (error) {
          // The database down: SERVICE_UNAVAILABLE with HTTP 503; anything else is masked by formatError.
          if (isConnectionError(error)) throw new DatabaseUnavailableError();
          if (!(error instanceof AppError)) throw error;
          return createContext({ requestId, config, dataSource, actor: null, access: Access.anonymous(), authFailure: error.message, clientAddress: req.ip ?? 'unknown' });
        }
      },
    }),
  );
  // After the body parser and around Apollo: whatever goes wrong on /graphql is still a GraphQL-shaped JSON answer.
  app.use('/graphql', graphqlEdgeErrors);

  // Reports, exports and the member import: files over plain HTTP with the same token and scope (report/file.routes.ts).
  app.use((_req, _res, next) => readRouting.run(() => next()), fileRoutes(config, dataSource));

  if (config.adminDistDir && existsSync(config.adminDistDir)) app.use(panelMiddleware(config.adminDistDir));
  app.use(lastErrorHandler);
  return { app, apollo, metrics };
}
