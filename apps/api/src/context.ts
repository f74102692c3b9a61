/**
 * The typed request context: who is asking and over which subtrees (scope), per-request loaders, the request id
 * and the EntityManager. Services take it first.
 */
import { todayIso } from '@dangbo/vn';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from './config/env';
import { createLoaders, Loaders } from './graphql/loaders';
import { Access } from './modules/auth/access';
import { Scope } from './modules/auth/scope';

export interface Actor {
  userId: number | null;
  tokenId: number | null;
  name: string;
}

export interface Context {
  requestId: string;
  config: AppConfig;
  dataSource: DataSource;
  em: EntityManager;
  /** Today in Vietnam (UTC+7): the default "as of" date of the tree. */
  today: string;
  actor: Actor | null;
  access: Access;
  /** Why a presented token was refused (the caller is then anonymous and may only log in). */
  authFailure: string | null;
  /** The client's address (login rate limit). */
  clientAddress: string;
  /** The caller's readable subtrees (access.scope). */
  scope: Scope;
  loaders: Loaders;
}

export function createContext(input: {
  requestId: string;
  config: AppConfig;
  dataSource: DataSource;
  actor: Actor | null;
  access: Access;
  authFailure?: string | null;
  clientAddress: string;
}): Context {
  const em = input.dataSource.manager;
  const today = todayIso();
  return { ...input, authFailure: input.authFailure ?? null, scope: input.access.scope, em, today, loaders: createLoaders(em) };
}
