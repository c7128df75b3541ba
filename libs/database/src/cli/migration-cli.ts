/* Migration tooling: `run` applies pending migrations, `generate <Name>` writes a migration from the difference
 * between the entities and a migrated database, `check` fails when that difference is not empty (drift).
 * The database is DATABASE_URL, or the embedded PostgreSQL under .data/ when it is not set. */
import { writeFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createDataSource, migrate } from '../data-source';
import { startEmbeddedPostgres, EmbeddedDatabase } from '../embedded-postgres';

async function pendingSchemaChanges(url: string): Promise<{ up: string[]; down: string[] }> {
  const ds = createDataSource({ url, poolSize: 2 });
  await ds.initialize();
  try {
    await migrate(ds);
    const log = await ds.driver.createSchemaBuilder().log();
    return {
      up: log.upQueries.map((q) => q.query + (q.parameters?.length ? ` -- ${JSON.stringify(q.parameters)}` : '')),
      down: log.downQueries.map((q) => q.query),
    };
  } finally {
    await ds.destroy();
  }
}

const escape = (sql: string): string => sql.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');

async function main(): Promise<void> {
  const [command, name] = process.argv.slice(2);
  let embedded: EmbeddedDatabase | undefined;
  let url = process.env.DATABASE_URL;
  if (!url) {
    embedded = await startEmbeddedPostgres({
      dir: '.data/migration-check',
      port: Number(process.env.EMBEDDED_PG_PORT ?? 54330),
    });
    url = embedded.url;
  }
  try {
    if (command === 'run') {
      const ds = createDataSource({ url, poolSize: 2 });
      await ds.initialize();
      const ran = await migrate(ds);
      await ds.destroy();
      console.log(ran.length ? `migrations applied: ${ran.join(', ')}` : 'no pending migrations');
    } else if (command === 'check') {
      const { up } = await pendingSchemaChanges(url);
      if (up.length) {
        console.error('schema drift: the entities differ from the migrations. Generating a migration would run:');
        for (const q of up) console.error(`  ${q}`);
        process.exitCode = 1;
      } else console.log('migration check: the migrations match the entities (no drift)');
    } else if (command === 'generate') {
      if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) throw new Error('usage: generate <PascalCaseName>');
      const { up, down } = await pendingSchemaChanges(url);
      if (!up.length) {
        console.log('nothing to generate: no drift');
        return;
      }
      const ts = Date.now();
      const cls = `${name}${ts}`;
      const file = join(
        'libs/database/src/migrations',
        `${ts}-${name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase()}.migration.ts`,
      );
      const body = `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${cls} implements MigrationInterface {
  name = '${cls}';

  async up(q: QueryRunner): Promise<void> {
${up.map((s) => `    await q.query(\`${escape(s)}\`);`).join('\n')}
  }

  async down(q: QueryRunner): Promise<void> {
${down
  .reverse()
  .map((s) => `    await q.query(\`${escape(s)}\`);`)
  .join('\n')}
  }
}
`;
      await writeFile(file, body);
      const indexFile = 'libs/database/src/migrations/index.ts';
      const index = await readFile(indexFile, 'utf8');
      const importLine = `import { ${cls} } from './${file.split('/').pop()!.replace(/\.ts$/, '')}';\n`;
      const updated =
        importLine +
        index.replace(
          /\[([^\]]*)\];/s,
          (_m, inner: string) => `[${inner.trim() ? inner.trim().replace(/,?$/, ', ') : ''}${cls}];`,
        );
      await writeFile(indexFile, updated);
      console.log(`wrote ${file}`);
    } else {
      throw new Error('usage: migration-cli run | check | generate <Name>');
    }
  } finally {
    await embedded?.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
