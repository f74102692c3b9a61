/**
 * A small circuit breaker in front of taking a database connection, so an outage does not turn every request into
 * a connection attempt. While the database answers, it stays out of the way. After a failed connection attempt,
 * further requests fail at once (DB_CIRCUIT_OPEN, answered as SERVICE_UNAVAILABLE) for a delay that starts at
 * `minDelayMs` and doubles up to `maxDelayMs`; once it has passed, exactly one request (the probe) tries to
 * connect while the others keep failing fast. The probe's success closes the breaker. The delay is capped well
 * under 2 s, so requests succeed again within about a second of the database coming back.
 */
import { isConnectionError } from './connection-errors';

export class CircuitOpenError extends Error {
  readonly code = 'DB_CIRCUIT_OPEN';
  constructor() {
    super('Database circuit open');
    this.name = 'CircuitOpenError';
  }
}

export interface BreakerOptions {
  minDelayMs?: number;
  maxDelayMs?: number;
  now?: () => number;
}

export class ConnectionBreaker {
  private failures = 0;
  private openUntil = 0;
  private probing = false;
  private readonly minDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly now: () => number;

  constructor(options: BreakerOptions = {}) {
    this.minDelayMs = options.minDelayMs ?? 100;
    this.maxDelayMs = options.maxDelayMs ?? 1000;
    this.now = options.now ?? Date.now;
  }

  /** Whether the last connection attempt failed (requests are being refused or probed). */
  get isOpen(): boolean {
    return this.failures > 0;
  }

  async run<T>(connect: () => Promise<T>): Promise<T> {
    let probe = false;
    if (this.failures > 0) {
      if (this.probing || this.now() < this.openUntil) throw new CircuitOpenError();
      this.probing = probe = true;
    }
    try {
      const connection = await connect();
      this.failures = 0;
      return connection;
    } catch (error) {
      // Requests already on their way when the first attempt failed fail too; only the first and each failed
      // probe lengthen the delay.
      if (isConnectionError(error) && (probe || this.failures === 0)) {
        this.failures += 1;
        this.openUntil = this.now() + Math.min(this.maxDelayMs, this.minDelayMs * 2 ** (this.failures - 1));
      }
      throw error;
    } finally {
      if (probe) this.probing = false;
    }
  }
}
