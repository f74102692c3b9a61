import { signUserToken, verifyToken } from './tokens';

const SECRET = 'a'.repeat(40);
const OTHER = 'b'.repeat(40);

describe('verifyToken, with the claims of tokens verified lately kept', () => {
  afterEach(() => jest.useRealTimers());

  it('answers a token the same the second time', () => {
    const token = signUserToken(SECRET, 7, 3, 3600);
    expect(verifyToken(SECRET, token)).toEqual({ typ: 'user', sub: '7', pwv: 3 });
    expect(verifyToken(SECRET, token)).toEqual({ typ: 'user', sub: '7', pwv: 3 });
  });

  it('refuses a kept token once it has expired', () => {
    jest.useFakeTimers({ now: new Date('2026-12-03T08:00:00Z') });
    const token = signUserToken(SECRET, 8, 1, 30);
    expect(verifyToken(SECRET, token)).not.toBeNull();
    jest.setSystemTime(new Date('2026-12-03T08:00:29Z'));
    expect(verifyToken(SECRET, token)).not.toBeNull();
    jest.setSystemTime(new Date('2026-12-03T08:00:31Z'));
    expect(verifyToken(SECRET, token)).toBeNull();
  });

  it('does not let a token verified under one secret through under another', () => {
    const token = signUserToken(SECRET, 9, 1, 3600);
    expect(verifyToken(SECRET, token)).not.toBeNull();
    expect(verifyToken(OTHER, token)).toBeNull();
  });

  it('refuses a tampered token, after its genuine form was kept', () => {
    const token = signUserToken(SECRET, 10, 1, 3600);
    expect(verifyToken(SECRET, token)).not.toBeNull();
    const [head, body, signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body, 'base64url').toString()), sub: '1' })).toString('base64url');
    expect(verifyToken(SECRET, `${head}.${forged}.${signature}`)).toBeNull();
  });
});
