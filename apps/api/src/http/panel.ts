/**
 * The built admin panel at `/`. Vite names everything under /assets/ by its content hash, so those files are
 * cached for a year and never revalidated; index.html names the current hashes, so it is revalidated on every
 * load (`no-cache`). The build writes `.br` and `.gz` next to each compressible file (apps/admin/vite.config.mts);
 * they are sent to clients that accept them, brotli first. A missing file is a 404: after a redeploy an old page
 * asking for a chunk that no longer exists must fail loudly, not receive index.html as JavaScript.
 */
import express, { NextFunction, Request, Response } from 'express';
import { stat } from 'node:fs/promises';
import path from 'node:path';

export const CACHE_IMMUTABLE = 'public, max-age=31536000, immutable';
export const CACHE_REVALIDATE = 'no-cache';
/** Files at the top of the panel (favicon.svg…) keep their names across releases: a short cache. */
const CACHE_UNHASHED = 'public, max-age=3600';

// Paths the API answers itself; the panel never claims them, even as client routes.
const API_PATHS = /^\/(graphql|reports|healthz|readyz)(\/|$)/;

type Encoding = 'br' | 'gzip';
const SUFFIX: Record<Encoding, string> = { br: '.br', gzip: '.gz' };

/** The encodings an Accept-Encoding header allows (q > 0), in our order of preference: brotli, then gzip. */
export function acceptedEncodings(header: string | undefined): Encoding[] {
  const q = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const weight = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    q.set(name, weight ? Number(weight.slice(2)) || 0 : 1);
  }
  const allowed = (name: Encoding) => (q.get(name) ?? q.get('*') ?? 0) > 0;
  return (['br', 'gzip'] as const).filter(allowed);
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

export function panelMiddleware(distDir: string): express.RequestHandler {
  const root = path.resolve(distDir);
  const indexFile = path.join(root, 'index.html');

  const notFound = (res: Response) => {
    res.status(404).set('Cache-Control', CACHE_REVALIDATE).type('text/plain; charset=utf-8').send('Không tìm thấy tệp');
  };

  /** Sends one file of the dist folder, or its precompressed sibling when the client accepts it. */
  const sendFile = async (req: Request, res: Response, next: NextFunction, file: string, cacheControl: string) => {
    const variants = await Promise.all((['br', 'gzip'] as const).map(async (e) => ((await isFile(file + SUFFIX[e])) ? e : null)));
    const available = variants.filter((e): e is Encoding => e !== null);
    const encoding = acceptedEncodings(req.headers['accept-encoding']).find((e) => available.includes(e));
    res.set('Cache-Control', cacheControl);
    // Caches must key on Accept-Encoding wherever another client could get a different body.
    if (available.length) res.vary('Accept-Encoding');
    // The type of the original file, not of `.br`/`.gz` (send keeps a Content-Type that is already set).
    res.type(path.extname(file));
    if (encoding) res.set('Content-Encoding', encoding);
    const sent = encoding ? file + SUFFIX[encoding] : file;
    res.sendFile(sent, { cacheControl: false, dotfiles: 'deny' }, (error) => {
      if (error && !res.headersSent) next(error);
    });
  };

  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    let wanted: string;
    try {
      wanted = decodeURIComponent(req.path);
    } catch {
      return notFound(res);
    }
    if (API_PATHS.test(wanted)) return next();
    const isFileRequest = wanted.startsWith('/assets/') || path.extname(wanted) !== '';
    // A client route of the panel (no extension): the browser app routes it.
    if (!isFileRequest) {
      return void sendFile(req, res, next, indexFile, CACHE_REVALIDATE).catch(next);
    }
    const file = path.resolve(root, `.${wanted}`);
    if (wanted.includes('\0') || !file.startsWith(root + path.sep)) return notFound(res);
    void (async () => {
      if (!(await isFile(file))) return notFound(res);
      const cache = wanted.startsWith('/assets/') ? CACHE_IMMUTABLE : wanted === '/index.html' ? CACHE_REVALIDATE : CACHE_UNHASHED;
      await sendFile(req, res, next, file, cache);
    })().catch(next);
  };
}
