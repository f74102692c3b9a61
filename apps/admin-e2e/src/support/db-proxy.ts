/**
 * The e2e API reaches MariaDB through a TCP proxy the run controls, so a spec can take the database away and bring
 * it back while the panel is open. The global setup starts the proxy and a small control server (POST /cut,
 * POST /restore on 127.0.0.1) and hands its address to the specs in E2E_DB_PROXY_CONTROL.
 */
import http from 'node:http';
import net from 'node:net';

export class DatabaseProxy {
  private readonly sockets = new Set<net.Socket>();
  private server: net.Server | null = null;
  port = 0;

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  listen(port = this.port): Promise<void> {
    const server = net.createServer((client) => {
      const upstream = net.connect(this.targetPort, this.targetHost);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => undefined);
      }
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
      client.pipe(upstream);
      upstream.pipe(client);
    });
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        this.port = (server.address() as net.AddressInfo).port;
        resolve();
      });
    });
  }

  /** Every open connection is reset and new ones are refused, as when the database goes down. */
  async cut(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
    if (server) await new Promise((resolve) => server.close(resolve));
  }

  async restore(): Promise<void> {
    if (!this.server) await this.listen(this.port);
  }
}

/** The control server of the global setup; answers its URL. */
export async function startProxyControl(proxy: DatabaseProxy): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const action = req.method === 'POST' ? { '/cut': () => proxy.cut(), '/restore': () => proxy.restore() }[req.url ?? ''] : undefined;
    if (!action) {
      res.writeHead(404).end();
      return;
    }
    action().then(
      () => res.writeHead(204).end(),
      (error: Error) => res.writeHead(500).end(error.message),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function control(action: 'cut' | 'restore'): Promise<void> {
  const base = process.env.E2E_DB_PROXY_CONTROL;
  if (!base) throw new Error('E2E_DB_PROXY_CONTROL is not set: the global setup starts the database proxy');
  const res = await fetch(`${base}/${action}`, { method: 'POST' });
  if (!res.ok) throw new Error(`database proxy ${action}: HTTP ${res.status}`);
}

/** For specs: the database goes away / comes back (for the API; the page does not know). */
export const cutDatabase = () => control('cut');
export const restoreDatabase = () => control('restore');
