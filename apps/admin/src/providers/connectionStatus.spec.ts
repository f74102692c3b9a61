import { ErrorCode } from '@dangbo/shared-types';
import { HttpError } from 'react-admin';
import { connectionStatus, isOutage, reportingConnection } from './connectionStatus';
import { toReactAdminError } from './graphqlErrors';

describe('isOutage', () => {
  it('recognises the API saying its database is down (SERVICE_UNAVAILABLE, 503)', () => {
    const error = toReactAdminError({ errors: [{ message: 'Mất kết nối', extensions: { code: ErrorCode.SERVICE_UNAVAILABLE } }] }, { forForm: true });
    expect((error as HttpError).status).toBe(503);
    expect(isOutage(error)).toBe(true);
  });

  it('recognises a server that cannot be reached (failed fetch, gateway errors)', () => {
    expect(isOutage(new HttpError('ra.notification.http_error', 0))).toBe(true);
    expect(isOutage(new HttpError('Failed to fetch', 200, new TypeError('Failed to fetch')))).toBe(true);
    expect(isOutage(new HttpError('bad gateway', 502))).toBe(true);
  });

  it('does not take a refusal of the request for an outage (bad input, conflict, signed out)', () => {
    for (const code of [ErrorCode.BAD_USER_INPUT, ErrorCode.CONFLICT, ErrorCode.UNAUTHENTICATED, ErrorCode.INTERNAL_SERVER_ERROR]) {
      expect(isOutage(toReactAdminError({ errors: [{ message: 'x', extensions: { code } }] }, { forForm: false }))).toBe(false);
    }
  });
});

describe('reportingConnection', () => {
  it('marks the connection lost on an outage answer and back on the next success, not on other refusals', async () => {
    connectionStatus.markUp();
    await expect(reportingConnection(() => Promise.reject(new HttpError('x', 409)))).rejects.toThrow();
    expect(connectionStatus.isLost()).toBe(false);
    await expect(reportingConnection(() => Promise.reject(new HttpError('x', 503)))).rejects.toThrow();
    expect(connectionStatus.isLost()).toBe(true);
    await expect(reportingConnection(() => Promise.reject(new HttpError('x', 400)))).rejects.toThrow();
    expect(connectionStatus.isLost()).toBe(true);
    await expect(reportingConnection(() => Promise.resolve(1))).resolves.toBe(1);
    expect(connectionStatus.isLost()).toBe(false);
  });
});
