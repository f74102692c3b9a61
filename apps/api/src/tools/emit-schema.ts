/**
 * Prints the schema from the tsc build (the compiler production uses) into apps/api/schema.graphql, or with
 * --check fails when the committed file differs: a change to the API is always a reviewed change.
 */
import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createSchema, printSortedSchema } from '../schema';

async function main(): Promise<void> {
  const file = path.resolve(__dirname, '../../schema.graphql');
  const printed = printSortedSchema(await createSchema());
  if (process.argv.includes('--check')) {
    const committed = readFileSync(file, 'utf8');
    if (committed !== printed) {
      console.error('apps/api/schema.graphql differs from the schema the code builds. Run: npm run schema:emit');
      process.exit(1);
    }
    console.log('schema.graphql matches the built schema');
    return;
  }
  writeFileSync(file, printed);
  console.log(`Wrote ${path.relative(process.cwd(), file)}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
