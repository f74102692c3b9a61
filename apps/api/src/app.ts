/**
 * The HTTP server: Apollo Server 5 on Express 5 at /graphql, /healthz (process) and /readyz (database), and the
 * built admin panel at / when configured. main.ts and the integration tests both build it through here.
 */
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import express from 'express';
import { GraphQLSchema } from 'graphql';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { AppConfig } from './config/env';
import { Context, createContext } from './context';
import { sqlCounter } from './database/sql-counter';
import { AppError, formatError } from './graphql/errors';
import { hardening } from './graphql/hardening';
import { Access } from './modules/auth/access';
import { authenticate } from './modules/auth/authenticate';

export interface Server {
  app: express.Express;
  apollo: ApolloServer<Context>;
}

export async function createServer(config: AppConfig, dataSource: DataSource, schema: GraphQLSchema): Promise<Server> {
  const protection = hardening.armor();
  const apollo = new ApolloServer<Context>({
    schema,
    formatError: formatError(config.nodeEnv === 'development'),
    includeStacktraceInErrorResponses: config.nodeEnv === 'development',
    // Introspection is guarded per request (signed-in callers only outside development), see hardening.ts.
    introspection: true,
    validationRules: protection.validationRules,
    plugins: [
      // No HTTP caching of GraphQL answers here; the plugin would otherwise run on every resolved field.
      ApolloServerPluginCacheControlDisabled(),
      ...protection.plugins,
      ...hardening.plugins(config),
      {
        async requestDidStart() {
          return {
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

  app.use(
    '/graphql',
    cors({ origin: config.corsOrigin, credentials: false }),
    express.json({ limit: '1mb' }),
    (_req, _res, next) => sqlCounter.run(() => next()),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const requestId = (req.headers['x-request-id'] as string | undefined)?.slice(0, 40) || randomUUID();
        try {
          const caller = await authenticate(config, dataSource, req.headers.authorization);
          return createContext({ requestId, config, dataSource, ...caller, clientAddress: req.ip ?? 'unknown' });
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          return createContext({ requestId, config, dataSource, actor: null, access: Access.anonymous(), authFailure: error.message, clientAddress: req.ip ?? 'unknown' });
        }
      },
    }),
  );

  if (config.adminDistDir && existsSync(config.adminDistDir)) {
    const root = path.resolve(config.adminDistDir);
    app.use(express.static(root, { index: 'index.html', maxAge: '1h' }));
    // The panel routes in the browser; any other GET path gets its index page.
    app.get(/^\/(?!graphql|reports|healthz|readyz).*/, (_req, res) => res.sendFile(path.join(root, 'index.html')));
  }
  return { app, apollo };
}
