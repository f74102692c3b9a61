/** Where the e2e run puts things; shared by the Playwright config, the global setup and the specs. */
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '../../../..');
export const E2E_PORT = Number(process.env.E2E_PORT ?? 4173);
export const BASE_URL = `http://127.0.0.1:${E2E_PORT}`;
/**
 * Failure screenshots, traces, the HTML report, the API log and the review screenshots; suffixed by a non-default
 * port like the database, so two runs at once never share (or wipe) each other's files and session.
 */
export const ARTIFACTS = path.join(REPO_ROOT, E2E_PORT === 4173 ? 'artifacts/e2e' : `artifacts/e2e-${E2E_PORT}`);
export const AUTH_STATE = path.join(ARTIFACTS, '.auth/admin.json');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** A demo account of the seed (development data only); the province's system admin sees the whole tree. */
export const DEMO_USER = { username: 'admin', password: 'dangbo-demo' };

/** The e2e database: DATABASE_URL's server and credentials, database `dangbo_e2e` (suffixed by a non-default port, so two runs never share one). */
export function e2eDatabaseUrl(): string {
  const url = new URL(process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306');
  url.pathname = E2E_PORT === 4173 ? '/dangbo_e2e' : `/dangbo_e2e_${E2E_PORT}`;
  return url.toString();
}
