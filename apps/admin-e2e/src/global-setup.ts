/**
 * Before the suite: a fresh `dangbo_e2e` database, the built API on it behind a TCP proxy the specs can cut
 * (migrations and the demo commune load on start), and a logged-in browser session saved for the specs. After the
 * suite: the API and the proxy are stopped.
 */
import { chromium } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { recreateDatabase } from './support/database';
import { DatabaseProxy, startProxyControl } from './support/db-proxy';
import { ARTIFACTS, AUTH_STATE, BASE_URL, CHROMIUM, CHROMIUM_ARGS, DEMO_USER, e2eDatabaseUrl, E2E_PORT, REPO_ROOT } from './support/env';

const API_MAIN = path.join(REPO_ROOT, 'apps/api/dist/main.js');
const ADMIN_DIST = path.join(REPO_ROOT, 'apps/admin/dist');
const API_LOG = path.join(ARTIFACTS, 'api.log');

function startApi(databaseUrl: string): ChildProcess {
  const log = createWriteStream(API_LOG);
  const child = spawn(process.execPath, [API_MAIN], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(E2E_PORT),
      DATABASE_URL: databaseUrl,
      ADMIN_DIST_DIR: ADMIN_DIST,
      MIGRATE_ON_START: 'true',
      SEED_DEMO: 'true',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  // Never leave the API running behind a runner that dies.
  process.once('exit', () => child.exitCode === null && child.kill('SIGKILL'));
  return child;
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false; // not listening (yet)
  }
}

async function waitUntilReady(child: ChildProcess, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && child.exitCode === null) {
    if (await answers(`${BASE_URL}/readyz`)) return;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  const tail = existsSync(API_LOG) ? readFileSync(API_LOG, 'utf8').split('\n').slice(-20).join('\n') : '';
  throw new Error(`The API did not become ready on ${BASE_URL} (exit code ${child.exitCode}). Last lines of ${API_LOG}:\n${tail}`);
}

async function stopApi(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** Logs in through the real form once and keeps the browser's storage for every spec. */
async function saveLoggedInState(): Promise<void> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ baseURL: BASE_URL, locale: 'vi-VN' });
    page.on('console', (m) => m.type() === 'error' && console.error(`[browser] ${m.text()}`));
    await page.goto('/#/login');
    await page.getByRole('textbox', { name: 'Tên đăng nhập', exact: true }).fill(DEMO_USER.username);
    await page.getByRole('textbox', { name: 'Mật khẩu', exact: true }).fill(DEMO_USER.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('tree').waitFor({ timeout: 30_000 });
    await page.context().storageState({ path: AUTH_STATE });
  } catch (error) {
    const pages = browser.contexts().flatMap((c) => c.pages());
    await pages[0]?.screenshot({ path: path.join(ARTIFACTS, 'global-setup-failure.png') }).catch(() => undefined);
    throw error;
  } finally {
    await browser.close();
  }
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  for (const [what, where] of [
    ['the built API (npx nx run api:build)', API_MAIN],
    ['the built panel (npx nx run admin:build)', path.join(ADMIN_DIST, 'index.html')],
    ['Chromium (apt-get install chromium, or set CHROMIUM_PATH)', CHROMIUM],
  ]) {
    if (!existsSync(where)) throw new Error(`e2e needs ${what}: ${where} is missing`);
  }
  mkdirSync(path.dirname(AUTH_STATE), { recursive: true });
  if (await answers(`${BASE_URL}/readyz`)) {
    throw new Error(`Port ${E2E_PORT} is already taken (a server answers ${BASE_URL}/readyz); stop it or set E2E_PORT`);
  }
  const databaseUrl = e2eDatabaseUrl();
  await recreateDatabase(databaseUrl);
  // The API reaches the database through a proxy the specs can cut (outage.spec.ts; support/db-proxy.ts).
  const direct = new URL(databaseUrl);
  const proxy = new DatabaseProxy(direct.hostname || '127.0.0.1', Number(direct.port || 3306));
  await proxy.listen(0);
  const control = await startProxyControl(proxy);
  process.env.E2E_DB_PROXY_CONTROL = control.url;
  const proxied = new URL(databaseUrl);
  proxied.hostname = '127.0.0.1';
  proxied.port = String(proxy.port);
  const api = startApi(proxied.toString());
  const stop = async () => {
    await stopApi(api);
    await control.close();
    await proxy.cut();
  };
  try {
    await waitUntilReady(api);
    await saveLoggedInState();
  } catch (error) {
    await stop();
    throw error;
  }
  return stop;
}
