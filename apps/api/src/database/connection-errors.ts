/**
 * Telling a database outage apart from every other failure. mysql2 and TypeORM report a lost or refused connection
 * in several shapes (a socket errno, a protocol code, a fatal flag, a bare message, wrapped in a QueryFailedError's
 * `driverError` or an Error's `cause`); this module looks at all of them so the API can answer SERVICE_UNAVAILABLE
 * instead of masking an outage as an internal error. Nothing here imports the GraphQL layer.
 */

/** Codes of a connection that could not be made or was lost (Node's socket errnos, mysql2's and MariaDB's codes). */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR',
  'PROTOCOL_ENQUEUE_AFTER_QUIT',
  'ER_CON_COUNT_ERROR',
  'ER_TOO_MANY_USER_CONNECTIONS',
  'ER_SERVER_SHUTDOWN',
  'ER_CONNECTION_KILLED',
  'CR_SERVER_GONE_ERROR',
  'CR_SERVER_LOST',
  'CR_CONNECTION_ERROR',
  'CR_CONN_HOST_ERROR',
  // The circuit breaker's own fast refusal (connection-breaker.ts).
  'DB_CIRCUIT_OPEN',
]);

/** MariaDB/MySQL error numbers of the same class (1040 too many connections, 1053 shutdown, 1927 killed, 2002–2013 client). */
const CONNECTION_ERRNOS = new Set([1040, 1053, 1927, 2002, 2003, 2006, 2013]);

/** Messages without a code (mysql2's pool and closed-connection refusals, TypeORM's own). */
const CONNECTION_MESSAGES = [
  /^Pool is closed/,
  /^Connection lost/,
  /connection is in closed state/,
  /^Can't write in closed state/,
  /Connection is not established/,
  /Timeout acquiring (a )?connection/i,
  /^No connections available/,
];

const MAX_DEPTH = 5;

/** Whether `error` (or what it wraps) says the database could not be reached or the connection was lost. */
export function isConnectionError(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > MAX_DEPTH) return false;
  const e = error as { code?: unknown; errno?: unknown; fatal?: unknown; message?: unknown; driverError?: unknown; cause?: unknown; originalError?: unknown; thrownValue?: unknown };
  if (typeof e.code === 'string' && CONNECTION_CODES.has(e.code)) return true;
  if (typeof e.errno === 'number' && CONNECTION_ERRNOS.has(e.errno)) return true;
  // mysql2 marks an error that killed the connection as fatal (the connection is unusable, whatever the reason).
  if (e.fatal === true) return true;
  if (typeof e.message === 'string' && CONNECTION_MESSAGES.some((m) => m.test(e.message as string))) return true;
  // thrownValue: graphql-js wraps a thrown value that is not an Error of its realm (a socket error under Jest's VM).
  return [e.driverError, e.cause, e.originalError, e.thrownValue].some((inner) => inner !== error && isConnectionError(inner, depth + 1));
}

/**
 * Whether the connection was already known dead before a statement was handed to it: mysql2 then refuses the
 * statement without sending anything, so the server cannot have run it (used to tell "COMMIT never left" from
 * "COMMIT was sent and the answer was lost").
 */
export function wasRefusedBeforeSending(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > MAX_DEPTH) return false;
  const e = error as { message?: unknown; code?: unknown; driverError?: unknown; cause?: unknown };
  if (typeof e.message === 'string' && /connection is in closed state|^Pool is closed/.test(e.message)) return true;
  if (e.code === 'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR' || e.code === 'PROTOCOL_ENQUEUE_AFTER_QUIT' || e.code === 'DB_CIRCUIT_OPEN') return true;
  return [e.driverError, e.cause].some((inner) => inner !== error && wasRefusedBeforeSending(inner, depth + 1));
}
