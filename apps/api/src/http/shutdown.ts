/**
 * Graceful stop of the HTTP server. `server.close()` alone stops accepting but waits forever on keep-alive
 * connections, and `closeAllConnections()` alone cuts requests mid-answer. Here: stop accepting, let the requests in
 * flight finish (bounded), close each connection as soon as it is idle, and only then let the caller close the pool.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export interface DrainResult {
  /** Requests still unanswered when the bound ran out (their connections were cut). */
  cut: number;
}

export interface ConnectionTracker {
  /** Requests received and not yet answered. */
  inFlight(): number;
  /** Stops accepting, waits up to `timeoutMs` for the requests in flight, then closes every connection. */
  drain(timeoutMs: number): Promise<DrainResult>;
}

/** Call right after creating the server, before it accepts anything. */
export function trackConnections(server: Server): ConnectionTracker {
  const active = new Map<Socket, number>();
  let draining = false;
  let settle: (() => void) | null = null;
  const total = () => [...active.values()].reduce((a, b) => a + b, 0);

  server.on('connection', (socket: Socket) => {
    active.set(socket, 0);
    socket.on('close', () => {
      active.delete(socket);
      if (draining && total() === 0) settle?.();
    });
  });
  // Before the app's own listener, so the header can still be set when the app answers synchronously.
  server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
    const socket = req.socket;
    active.set(socket, (active.get(socket) ?? 0) + 1);
    // A request that arrives on a kept-alive connection while draining is served, then its connection closes.
    if (draining) res.setHeader('connection', 'close');
    res.on('close', () => {
      const left = Math.max(0, (active.get(socket) ?? 1) - 1);
      active.set(socket, left);
      if (draining && left === 0) socket.end();
      if (draining && total() === 0) settle?.();
    });
  });

  return {
    inFlight: total,
    async drain(timeoutMs) {
      draining = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Idle keep-alive connections would otherwise hold server.close() open until their client hangs up.
      for (const [socket, requests] of active) if (requests === 0) socket.end();
      if (total() > 0) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, timeoutMs);
          timer.unref();
          settle = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
      const cut = total();
      server.closeAllConnections();
      await closed;
      return { cut };
    },
  };
}
