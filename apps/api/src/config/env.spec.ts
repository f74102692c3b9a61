import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from './env';

describe('loadConfig', () => {
  it('has working defaults for development', () => {
    const c = loadConfig({ AUTH_SECRET_FILE: path.join(mkdtempSync(path.join(tmpdir(), 'dangbo-env-')), 'secret') });
    expect(c).toMatchObject({ nodeEnv: 'development', port: 4000, databaseUrl: 'mysql://root@127.0.0.1:3306/dangbo', seedDemoWhenEmpty: true });
    expect(c.nameSortOrder).toEqual(['given', 'family', 'middle', 'birthDate']);
  });

  it('refuses to start in production without a signing secret of at least 32 characters', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/AUTH_SECRET/);
    expect(() => loadConfig({ NODE_ENV: 'production', AUTH_SECRET: 'short' })).toThrow(/AUTH_SECRET/);
    const c = loadConfig({ NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(32), SEED_DEMO: 'true', EXPOSE_SQL_COUNT: 'true' });
    // Demo data and the statement counter never run in production, whatever the environment says.
    expect(c).toMatchObject({ seedDemoWhenEmpty: false, exposeSqlCount: false });
  });

  it('never signs with a known string: development makes a random secret once and keeps it in a private file', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'dangbo-env-')), 'nested', 'auth-secret');
    const first = loadConfig({ AUTH_SECRET_FILE: file }).authSecret;
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(readFileSync(file, 'utf8').trim()).toBe(first);
    expect(statSync(file).mode & 0o077).toBe(0);
    expect(loadConfig({ AUTH_SECRET_FILE: file }).authSecret).toBe(first);
  });

  it('never signs with a known string: each test process gets a fresh random secret, and a short given one is refused', () => {
    const a = loadConfig({ NODE_ENV: 'test' }).authSecret;
    const b = loadConfig({ NODE_ENV: 'test' }).authSecret;
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(a).not.toBe(b);
    expect(() => loadConfig({ NODE_ENV: 'development', AUTH_SECRET: 'short' })).toThrow(/AUTH_SECRET/);
  });

  it('trusts X-Forwarded-For only when TRUST_PROXY names the proxies, never for "true"', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).trustProxy).toBeNull();
    expect(loadConfig({ NODE_ENV: 'test', TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ NODE_ENV: 'test', TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustProxy).toBe('loopback, 10.0.0.0/8');
    expect(() => loadConfig({ NODE_ENV: 'test', TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/);
  });

  it('takes a configured name order and refuses nonsense', () => {
    expect(loadConfig({ NODE_ENV: 'test', NAME_SORT_ORDER: 'family,given' }).nameSortOrder).toEqual(['family', 'given', 'middle', 'birthDate']);
    expect(() => loadConfig({ NODE_ENV: 'test', NAME_SORT_ORDER: 'surname' })).toThrow();
    expect(() => loadConfig({ NODE_ENV: 'test', PORT: 'abc' })).toThrow(/PORT/);
  });

  it('reads replicas from DATABASE_REPLICA_URLS (none by default) and runs the rating jobs unless JOB_RUNNER=false', () => {
    expect(loadConfig({ NODE_ENV: 'test' })).toMatchObject({ databaseReplicaUrls: [], jobRunner: true });
    const c = loadConfig({ NODE_ENV: 'test', DATABASE_REPLICA_URLS: ' mysql://r1:3306/dangbo, ,mysql://r2/dangbo ', JOB_RUNNER: 'false' });
    expect(c).toMatchObject({ databaseReplicaUrls: ['mysql://r1:3306/dangbo', 'mysql://r2/dangbo'], jobRunner: false });
    expect(() => loadConfig({ NODE_ENV: 'test', DATABASE_REPLICA_URLS: 'r1:3306' })).toThrow(/DATABASE_REPLICA_URLS/);
    // A password is never repeated in the message.
    expect(() => loadConfig({ NODE_ENV: 'test', DATABASE_REPLICA_URLS: 'mysql://u:secret@r1:3306' })).toThrow(/^(?!.*secret)/);
  });
});
