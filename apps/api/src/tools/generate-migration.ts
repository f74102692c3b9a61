/**
 * Writes a migration for what the entities need beyond the existing migrations (what `typeorm migration:generate`
 * does, on a scratch database so no developer database is touched). Review the file, then add it to
 * migrations/index.ts. Usage: npm run migration:generate -- AddSomething
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { migratedScratchDatabase, pendingSchemaChanges } from './scratch-database';

const quote = (sql: string) => '`' + sql.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';

async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) throw new Error('Give a migration name in PascalCase, e.g. AddDocuments');
  const scratch = await migratedScratchDatabase('dangbo_mggen');
  try {
    const diff = await pendingSchemaChanges(scratch.dataSource);
    if (diff.upQueries.length === 0) {
      console.log('No changes: entities and migrations agree.');
      return;
    }
    const timestamp = Date.now();
    const className = `${name}${timestamp}`;
    // Keep each statement's parameters (generated-column metadata rows have them); dropping them breaks the statement.
    const call = (q: { query: string; parameters?: unknown[] }) =>
      q.parameters?.length ? `    await queryRunner.query(${quote(q.query)}, ${JSON.stringify(q.parameters)});` : `    await queryRunner.query(${quote(q.query)});`;
    const up = diff.upQueries.map(call).join('\n');
    const down = diff.downQueries.reverse().map(call).join('\n');
    const file = `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${up}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${down}
  }
}
`;
    const dir = path.resolve(__dirname, '../../src/database/migrations');
    const out = path.join(dir, `${timestamp}-${name}.ts`);
    writeFileSync(out, file);
    console.log(`Wrote ${path.relative(process.cwd(), out)}; add ${className} to migrations/index.ts`);
  } finally {
    await scratch.drop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
