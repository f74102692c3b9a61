/**
 * The typed request context: who is asking and over which subtrees (scope), per-request loaders, the request id
 * and the EntityManager. Services take it first.
 */
import { todayIso } from '@dangbo/vn';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from './config/env';
import { createLoaders, Loaders } from './graphql/loaders';
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
  scope: Scope;
  loaders: Loaders;
}

export function createContext(input: {
  requestId: string;
  config: AppConfig;
  dataSource: DataSource;
  actor: Actor | null;
  scope: Scope;
}): Context {
  const em = input.dataSource.manager;
  const today = todayIso();
  return { ...input, em, today, loaders: createLoaders(em) };
}
