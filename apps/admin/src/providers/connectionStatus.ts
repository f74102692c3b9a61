/**
 * Whether the API (or its database) can be reached, as the panel last saw it: every data-provider call and every
 * graphqlRequest reports here. An answer SERVICE_UNAVAILABLE / HTTP 503 (the database is down), a gateway error or
 * a failed fetch marks the connection lost; any successful answer marks it back. The layout's banner
 * (layout/ConnectionBanner.tsx) shows while it is lost and probes until it comes back.
 */
import { ErrorCode } from '@dangbo/shared-types';

type Listener = () => void;

let lost = false;
const listeners = new Set<Listener>();

function set(value: boolean): void {
  if (lost === value) return;
  lost = value;
  for (const listener of listeners) listener();
}

export const connectionStatus = {
  isLost: (): boolean => lost,
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  markLost: () => set(true),
  markUp: () => set(false),
};

const UNREACHABLE_STATUSES = new Set([0, 502, 503, 504]);

/**
 * Whether an error of the data provider or graphqlRequest (mostly a react-admin HttpError made by
 * graphqlErrors.ts) means the server could not do anything: its database is down, or it could not be reached.
 */
export function isOutage(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const e = error as { status?: unknown; statusCode?: unknown; name?: unknown; body?: unknown; code?: unknown };
  if (e.code === ErrorCode.SERVICE_UNAVAILABLE) return true;
  if (typeof e.status === 'number' && UNREACHABLE_STATUSES.has(e.status)) return true;
  if (typeof e.statusCode === 'number' && UNREACHABLE_STATUSES.has(e.statusCode)) return true;
  // fetch rejects with a TypeError when the server cannot be reached at all (ra-data-graphql keeps it as the body).
  if (e.name === 'TypeError') return true;
  return e.body !== error && isOutage(e.body);
}

/** Runs a request and reports what its outcome says about the connection. */
export async function reportingConnection<T>(request: () => Promise<T>): Promise<T> {
  try {
    const result = await request();
    connectionStatus.markUp();
    return result;
  } catch (error) {
    if (isOutage(error)) connectionStatus.markLost();
    throw error;
  }
}
