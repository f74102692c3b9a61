/**
 * Serving the built panel (apps/api/src/http/panel.ts) from a small fake dist folder: cache headers, brotli/gzip
 * negotiation of the precompressed files, 404 for a missing file, index.html for client routes.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { startTestApi, TestApi } from './support/harness';

const INDEX = '<!doctype html><html lang="vi"><script type="module" src="/assets/app-abc123.js"></script><div id="root"></div></html>';
const SCRIPT = `console.log(${JSON.stringify('bảng điều khiển '.repeat(200))});\n`;
// The compressed siblings decode to marked copies, so the test sees which file was sent, not only the headers.
const FROM_GZIP = `/* gz */${SCRIPT}`;
const FROM_BROTLI = `/* br */${SCRIPT}`;

let dist: string;
let api: TestApi;

beforeAll(async () => {
  dist = mkdtempSync(path.join(os.tmpdir(), 'dangbo-panel-'));
  mkdirSync(path.join(dist, 'assets'));
  writeFileSync(path.join(dist, 'index.html'), INDEX);
  writeFileSync(path.join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(path.join(dist, 'assets/app-abc123.js'), SCRIPT);
  writeFileSync(path.join(dist, 'assets/app-abc123.js.gz'), gzipSync(FROM_GZIP));
  writeFileSync(path.join(dist, 'assets/app-abc123.js.br'), brotliCompressSync(FROM_BROTLI));
  writeFileSync(path.join(dist, 'assets/plain-def456.css'), 'body{margin:0}');
  api = await startTestApi({ seed: false, env: { ADMIN_DIST_DIR: dist } });
});
afterAll(async () => {
  await api.close();
  rmSync(dist, { recursive: true, force: true });
});

// fetch() decodes the Content-Encoding it receives; the header and the decoded text show what the server chose.
async function get(pathname: string, acceptEncoding = 'identity') {
  const res = await fetch(`${api.url}${pathname}`, { headers: { 'accept-encoding': acceptEncoding } });
  const body = Buffer.from(await res.arrayBuffer());
  const header = (name: string) => res.headers.get(name);
  return { status: res.status, body, header };
}

describe('cache headers', () => {
  it('a hashed asset is cached for a year and immutable', async () => {
    const res = await get('/assets/app-abc123.js');
    expect(res.status).toBe(200);
    expect(res.header('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.header('content-type')).toMatch(/^text\/javascript/);
    expect(res.body.toString()).toBe(SCRIPT);
  });

  it('index.html is revalidated on every load, also under its own name', async () => {
    for (const pathname of ['/', '/index.html']) {
      const res = await get(pathname);
      expect({ pathname, status: res.status, cache: res.header('cache-control'), body: res.body.toString() }).toEqual({
        pathname,
        status: 200,
        cache: 'no-cache',
        body: INDEX,
      });
      expect(res.header('content-type')).toMatch(/^text\/html/);
    }
  });
});

describe('compression by Accept-Encoding', () => {
  it('brotli is preferred when the client takes both', async () => {
    const res = await get('/assets/app-abc123.js', 'gzip, deflate, br');
    expect(res.header('content-encoding')).toBe('br');
    expect(res.body.toString()).toBe(FROM_BROTLI);
    expect(res.header('content-type')).toMatch(/^text\/javascript/);
    expect(res.header('vary')).toMatch(/Accept-Encoding/i);
    expect(res.header('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('gzip when brotli is not accepted (absent or q=0)', async () => {
    for (const accept of ['gzip', 'br;q=0, gzip;q=0.5']) {
      const res = await get('/assets/app-abc123.js', accept);
      expect({ accept, encoding: res.header('content-encoding'), body: res.body.toString() }).toEqual({ accept, encoding: 'gzip', body: FROM_GZIP });
      expect(res.header('content-type')).toMatch(/^text\/javascript/);
    }
  });

  it('the original file, still marked Vary, when the client takes neither', async () => {
    const res = await get('/assets/app-abc123.js', 'identity');
    expect(res.header('content-encoding')).toBeNull();
    expect(res.body.toString()).toBe(SCRIPT);
    expect(res.header('vary')).toMatch(/Accept-Encoding/i);
  });

  it('a file without precompressed siblings is sent as it is', async () => {
    const res = await get('/assets/plain-def456.css', 'br, gzip');
    expect({ status: res.status, encoding: res.header('content-encoding'), body: res.body.toString() }).toEqual({
      status: 200,
      encoding: null,
      body: 'body{margin:0}',
    });
    expect(res.header('content-type')).toMatch(/^text\/css/);
  });
});

describe('missing files and client routes', () => {
  it('a missing asset is a 404, not the index page', async () => {
    for (const pathname of ['/assets/app-old999.js', '/assets/nope', '/missing.css', '/assets/']) {
      const res = await get(pathname);
      expect({ pathname, status: res.status }).toEqual({ pathname, status: 404 });
      expect(res.body.toString()).not.toContain('<div id="root">');
    }
  });

  it('a path escaping the dist folder is a 404', async () => {
    const res = await get('/assets/..%2f..%2fpackage.json');
    expect(res.status).toBe(404);
  });

  it('a client route (no extension) gets index.html, revalidated', async () => {
    for (const pathname of ['/Member', '/OrgUnit/10/show', '/login']) {
      const res = await get(pathname);
      expect({ pathname, status: res.status, cache: res.header('cache-control'), body: res.body.toString() }).toEqual({
        pathname,
        status: 200,
        cache: 'no-cache',
        body: INDEX,
      });
    }
  });

  it('an unhashed top-level file is served with a short cache', async () => {
    const res = await get('/favicon.svg');
    expect(res.status).toBe(200);
    expect(res.header('cache-control')).toBe('public, max-age=3600');
  });

  it('the API paths stay the API', async () => {
    const health = await get('/healthz');
    expect(JSON.parse(health.body.toString())).toEqual({ status: 'ok' });
    const graphql = await get('/graphql');
    expect(graphql.header('content-type')).toMatch(/^application\/json/);
  });
});
