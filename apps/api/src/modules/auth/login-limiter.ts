/**
 * Login throttling per username and per address: 10 wrong passwords for one username, or 50 from one address,
 * within 15 minutes block further attempts for 15 minutes. Counted in the resolver, so aliased attempts in one
 * request count too.
 */
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { AppError } from '../../graphql/errors';
import { ErrorCode } from '@dangbo/shared-types';

const WINDOW_SECONDS = 15 * 60;
const byUsername = new RateLimiterMemory({ keyPrefix: 'login-user', points: 10, duration: WINDOW_SECONDS, blockDuration: WINDOW_SECONDS });
const byAddress = new RateLimiterMemory({ keyPrefix: 'login-ip', points: 50, duration: WINDOW_SECONDS, blockDuration: WINDOW_SECONDS });

function tooMany(msBeforeNext: number): AppError {
  const minutes = Math.max(1, Math.ceil(msBeforeNext / 60000));
  return new AppError(ErrorCode.TOO_MANY_REQUESTS, `Đăng nhập sai quá nhiều lần; hãy thử lại sau ${minutes} phút`, { retryAfterSeconds: Math.ceil(msBeforeNext / 1000) });
}

/** Refuses when the username or the address is blocked. */
export async function checkLoginAllowed(username: string, address: string): Promise<void> {
  const [u, a] = await Promise.all([byUsername.get(username.toLowerCase()), byAddress.get(address)]);
  if (u && u.consumedPoints >= 10) throw tooMany(u.msBeforeNext);
  if (a && a.consumedPoints >= 50) throw tooMany(a.msBeforeNext);
}

export async function recordLoginFailure(username: string, address: string): Promise<void> {
  await Promise.all([byUsername.penalty(username.toLowerCase(), 1), byAddress.penalty(address, 1)]);
}

export async function recordLoginSuccess(username: string): Promise<void> {
  await byUsername.delete(username.toLowerCase());
}
