/**
 * A TCP proxy the test controls, between the API and MariaDB: `cut()` destroys every open connection and stops
 * listening (new connections are refused, as with a database that is down), `restore()` listens again on the same
 * port. `cutWhen(match)` cuts the moment the client sends a packet the predicate picks (before or after passing it
 * on), to cut a transaction at a chosen statement.
 */
import net from 'node:net';

type Trigger = { match: (chunk: Buffer) => boolean; forwardFirst: boolean; fired: () => void };

export class TcpProxy {
  private readonly sockets = new Set<net.Socket>();
  private server: net.Server | null = null;
  private trigger: Trigger | null = null;
  port = 0;

  private constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  static async start(targetHost: string, targetPort: number): Promise<TcpProxy> {
    const proxy = new TcpProxy(targetHost, targetPort);
    await proxy.listen(0);
    return proxy;
  }

  private listen(port: number): Promise<void> {
    const server = net.createServer((client) => this.pipe(client));
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        this.port = (server.address() as net.AddressInfo).port;
        resolve();
      });
    });
  }

  private pipe(client: net.Socket): void {
    const upstream = net.connect(this.targetPort, this.targetHost);
    for (const s of [client, upstream]) {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
      s.on('error', () => undefined);
    }
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    upstream.pipe(client);
    client.on('data', (chunk: Buffer) => {
      const trigger = this.trigger;
      if (trigger?.match(chunk)) {
        this.trigger = null;
        // Passed on, but its answer never reaches the client: "sent, and then the connection was lost".
        if (trigger.forwardFirst) {
          upstream.unpipe(client);
          upstream.write(chunk, () => void this.cut().then(trigger.fired));
        }
        else void this.cut().then(trigger.fired);
        return;
      }
      upstream.write(chunk);
    });
  }

  get isUp(): boolean {
    return this.server !== null;
  }

  /** The database "goes away": open connections are reset and new ones refused. */
  async cut(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
    if (server) await new Promise((resolve) => server.close(resolve));
  }

  /** The database "comes back" on the same port. */
  async restore(): Promise<void> {
    if (!this.server) await this.listen(this.port);
  }

  /** Cuts when the client sends a packet `match` picks; resolves once cut. */
  cutWhen(match: (chunk: Buffer) => boolean, { forwardFirst = false } = {}): Promise<void> {
    return new Promise((fired) => {
      this.trigger = { match, forwardFirst, fired };
    });
  }

  async close(): Promise<void> {
    this.trigger = null;
    await this.cut();
  }
}

/** A packet carrying this SQL text (mysql2 sends TypeORM's statements as text queries). */
export const sqlPacket = (text: string | RegExp) => (chunk: Buffer) => {
  const sql = chunk.toString('latin1');
  return typeof text === 'string' ? sql.includes(text) : text.test(sql);
};
