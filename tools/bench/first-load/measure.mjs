// First-load script of the panel: the JavaScript that index.html loads eagerly (module scripts and modulepreloads),
// raw and compressed as the server sends it (gzip -9, brotli q11, the levels of the build's precompression).
//
//   node tools/bench/first-load/measure.mjs [distDir] [--before otherDistDir]
//
// distDir defaults to apps/admin/dist (build it first: npx nx run admin:build). Prints a Markdown table: one row per
// file and a total per dist, ready for BENCHMARKS.md ("First load of the panel").
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { machine, root } from '../lib.mjs';

const args = process.argv.slice(2);
const beforeAt = args.indexOf('--before');
const before = beforeAt >= 0 ? args.splice(beforeAt, 2)[1] : null;
const dist = path.resolve(args[0] ?? path.join(root, 'apps/admin/dist'));

/** The scripts index.html makes the browser fetch before anything renders. */
export function eagerScripts(html) {
  const found = [];
  for (const tag of html.match(/<(script|link)\b[^>]*>/g) ?? []) {
    const isModule = /^<script/.test(tag) && /type="module"/.test(tag);
    const isPreload = /^<link/.test(tag) && /rel="modulepreload"/.test(tag);
    const url = /(?:src|href)="([^"]+)"/.exec(tag)?.[1];
    if ((isModule || isPreload) && url && !found.includes(url)) found.push(url);
  }
  return found;
}

function measure(dir) {
  const html = readFileSync(path.join(dir, 'index.html'), 'utf8');
  return eagerScripts(html).map((url) => {
    const raw = readFileSync(path.join(dir, url.replace(/^\//, '')));
    return {
      file: url.replace(/^\/assets\//, '').replace(/-[\w-]{8}\.js$/, '-[hash].js'),
      raw: raw.length,
      gzip: gzipSync(raw, { level: 9 }).length,
      brotli: brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
  });
}

const kb = (n) => (n / 1024).toFixed(1);
const rows = [];
const total = (label, files) => {
  const sum = (k) => files.reduce((s, f) => s + f[k], 0);
  for (const f of files) rows.push(`| ${label} | ${f.file} | ${kb(f.raw)} | ${kb(f.gzip)} | ${kb(f.brotli)} |`);
  rows.push(`| **${label}** | **total, ${files.length} file(s)** | **${kb(sum('raw'))}** | **${kb(sum('gzip'))}** | **${kb(sum('brotli'))}** |`);
};
if (before) total('before', measure(path.resolve(before)));
total(before ? 'after' : 'now', measure(dist));

console.log(`Machine: ${machine()}. Date: ${new Date().toISOString().slice(0, 10)}.\n`);
console.log('| build | script | raw (KiB) | gzip -9 (KiB) | brotli 11 (KiB) |\n|---|---|---|---|---|');
console.log(rows.join('\n'));
