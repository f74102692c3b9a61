import { CircuitOpenError, ConnectionBreaker } from './connection-breaker';
import { isConnectionError } from './connection-errors';

const refused = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:3306'), { code: 'ECONNREFUSED' });

describe('ConnectionBreaker', () => {
  let now = 0;
  let attempts = 0;
  let databaseUp = false;
  const connect = async () => {
    attempts += 1;
    if (!databaseUp) throw refused();
    return 'connection';
  };
  const breaker = () => new ConnectionBreaker({ minDelayMs: 100, maxDelayMs: 1000, now: () => now });
  beforeEach(() => {
    now = 0;
    attempts = 0;
    databaseUp = false;
  });

  it('after a failed connection, refuses at once without connecting until the delay has passed', async () => {
    const b = breaker();
    await expect(b.run(connect)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    now = 99;
    await expect(b.run(connect)).rejects.toBeInstanceOf(CircuitOpenError);
    expect(attempts).toBe(1);
  });

  it('doubles the delay after each failed probe, up to the cap', async () => {
    const b = breaker();
    await expect(b.run(connect)).rejects.toThrow();
    const delays: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      let waited = 0;
      while (await b.run(connect).then(() => false, (e) => e instanceof CircuitOpenError)) {
        now += 10;
        waited += 10;
      }
      delays.push(waited);
    }
    expect(delays).toEqual([100, 200, 400, 800, 1000, 1000]);
  });

  it('lets one probe through at a time; the others fail fast while it runs', async () => {
    const b = breaker();
    await expect(b.run(connect)).rejects.toThrow();
    now = 100;
    let finish: (value: string) => void = () => undefined;
    const probe = b.run(() => new Promise<string>((resolve) => (finish = resolve)));
    await expect(b.run(connect)).rejects.toBeInstanceOf(CircuitOpenError);
    finish('connection');
    await expect(probe).resolves.toBe('connection');
    databaseUp = true;
    await expect(b.run(connect)).resolves.toBe('connection');
  });

  it('closes after a successful probe: requests connect normally again', async () => {
    const b = breaker();
    await expect(b.run(connect)).rejects.toThrow();
    databaseUp = true;
    now = 100;
    await expect(b.run(connect)).resolves.toBe('connection');
    expect(b.isOpen).toBe(false);
    await expect(b.run(connect)).resolves.toBe('connection');
  });

  it('is not tripped by errors that are not about the connection (a bad statement)', async () => {
    const b = breaker();
    await expect(b.run(async () => Promise.reject(Object.assign(new Error('syntax'), { code: 'ER_PARSE_ERROR' })))).rejects.toThrow('syntax');
    expect(b.isOpen).toBe(false);
  });
});

describe('isConnectionError', () => {
  it.each([
    ['a refused connection', refused()],
    ['a lost connection wrapped by TypeORM', { name: 'QueryFailedError', driverError: { code: 'PROTOCOL_CONNECTION_LOST', fatal: true } }],
    ['a statement on a closed connection', new Error("Can't add new command when connection is in closed state")],
    ['a closed pool', new Error('Pool is closed.')],
    ['too many connections', { code: 'ER_CON_COUNT_ERROR', errno: 1040 }],
    ['a cause chain', new Error('outer', { cause: { code: 'ECONNRESET' } })],
    ['the open breaker', new CircuitOpenError()],
  ])('recognises %s', (_what, error) => {
    expect(isConnectionError(error)).toBe(true);
  });

  it.each([
    ['a duplicate key', { code: 'ER_DUP_ENTRY', errno: 1062 }],
    ['a deadlock', { code: 'ER_LOCK_DEADLOCK', errno: 1213 }],
    ['a plain bug', new TypeError('x is undefined')],
  ])('does not mistake %s for an outage', (_what, error) => {
    expect(isConnectionError(error)).toBe(false);
  });
});
