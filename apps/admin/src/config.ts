/**
 * Where the panel reaches the API. The one place that knows the URL: `/graphql` on the same origin (the API serves
 * the built panel, nginx proxies it in docker/, Vite proxies it in development), overridable at build time with
 * `VITE_API_URL`.
 */
export const GRAPHQL_URL: string = import.meta.env.VITE_API_URL || '/graphql';
