import { DEV_AUTH_SECRET, loadConfig } from './env';

describe('loadConfig', () => {
  it('has working defaults for development', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ nodeEnv: 'development', port: 4000, databaseUrl: 'mysql://root@127.0.0.1:3306/dangbo', seedDemoWhenEmpty: true, authSecret: DEV_AUTH_SECRET });
    expect(c.nameSortOrder).toEqual(['given', 'family', 'middle', 'birthDate']);
  });

  it('refuses to start in production without a signing secret of at least 32 characters', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/AUTH_SECRET/);
    expect(() => loadConfig({ NODE_ENV: 'production', AUTH_SECRET: 'short' })).toThrow(/AUTH_SECRET/);
    const c = loadConfig({ NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(32), SEED_DEMO: 'true', EXPOSE_SQL_COUNT: 'true' });
    // Demo data and the statement counter never run in production, whatever the environment says.
    expect(c).toMatchObject({ seedDemoWhenEmpty: false, exposeSqlCount: false });
  });

  it('takes a configured name order and refuses nonsense', () => {
    expect(loadConfig({ NAME_SORT_ORDER: 'family,given' }).nameSortOrder).toEqual(['family', 'given', 'middle', 'birthDate']);
    expect(() => loadConfig({ NAME_SORT_ORDER: 'surname' })).toThrow();
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
  });
});
