/**
 * A data provider that loads the real one on its first call. The GraphQL provider brings Apollo Client, graphql-js
 * and the schema's introspection (about a third of the panel's script); the login page needs none of them, so they
 * leave the first load and arrive, once, with the first data request.
 */
import type { DataProvider } from 'react-admin';

const METHODS = ['getList', 'getOne', 'getMany', 'getManyReference', 'create', 'update', 'updateMany', 'delete', 'deleteMany'] as const;

export function lazyDataProvider(load: () => Promise<DataProvider>): DataProvider {
  let loading: Promise<DataProvider> | null = null;
  const real = () => {
    // A failed load (network) is retried by the next call rather than remembered.
    loading ??= load().catch((error: unknown) => {
      loading = null;
      throw error;
    });
    return loading;
  };
  const provider: Record<string, unknown> = {};
  for (const name of METHODS) {
    provider[name] = async (...args: unknown[]) => {
      const target = (await real()) as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
      return target[name](...args);
    };
  }
  return provider as unknown as DataProvider;
}
