#!/usr/bin/env node
/**
 * Writes src/generated/introspection.json from the API's committed SDL (apps/api/schema.graphql).
 *
 * The panel never asks the server for its schema: Apollo turns introspection off in production, and a static
 * file keeps the panel and the reviewed SDL in step. Run before `vite build`, typecheck and the tests (the Nx
 * targets do it).
 */
import { buildSchema, introspectionFromSchema } from 'graphql';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const sdlPath = join(here, '../../api/schema.graphql');
const outPath = join(here, '../src/generated/introspection.json');

const schema = buildSchema(readFileSync(sdlPath, 'utf8'));
const result = introspectionFromSchema(schema, { descriptions: false });
const text = `${JSON.stringify(result, null, 1)}\n`;

mkdirSync(dirname(outPath), { recursive: true });
let previous = '';
try {
  previous = readFileSync(outPath, 'utf8');
} catch {
  // first run
}
if (previous !== text) writeFileSync(outPath, text);
console.log(`introspection: ${relative(process.cwd(), outPath)} from ${relative(process.cwd(), sdlPath)} (${result.__schema.types.length} types)`);
