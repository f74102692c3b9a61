/**
 * The panel in Debian's Chromium (never a downloaded browser), as a committee clerk uses it: the BUILT panel
 * (apps/admin/dist) served by the BUILT API (apps/api/dist) on a fresh database `dangbo_e2e` with the demo
 * commune. src/global-setup.ts starts and stops that API; `nx run admin-e2e:e2e` builds both first.
 */
import { defineConfig } from '@playwright/test';
import path from 'node:path';
import { ARTIFACTS, AUTH_STATE, BASE_URL, CHROMIUM, CHROMIUM_ARGS } from './src/support/env';

const CI = !!process.env.CI;
const summaryDir = process.env.JEST_JSON_DIR;

export default defineConfig({
  testDir: './src',
  testMatch: '**/*.spec.ts',
  outputDir: path.join(ARTIFACTS, 'results'),
  globalSetup: './src/global-setup.ts',
  fullyParallel: false,
  workers: 1,
  retries: CI ? 1 : 0,
  forbidOnly: CI,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [
    ['list'],
    ['html', { outputFolder: path.join(ARTIFACTS, 'report'), open: 'never' }],
    // `npm test` adds up every suite's counts from this folder (tools/scripts/summarize-tests.mjs).
    ...(summaryDir ? [['json', { outputFile: path.join(summaryDir, 'playwright-admin.json') }] as const] : []),
  ],
  use: {
    browserName: 'chromium',
    baseURL: BASE_URL,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport: { width: 1440, height: 900 },
    storageState: AUTH_STATE,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_ARGS },
  },
});
