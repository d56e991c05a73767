import path from 'node:path';
import { parseArgs } from 'node:util';
import { createApp } from './app.js';
import { systemClock } from './clock.js';
import { ConfigError, describeDatabase, loadConfig, type Config } from './config.js';
import { createContentService } from './content/index.js';
import { connectDatabase } from './db/connect.js';
import { migrateToLatest } from './db/migrate.js';
import { seedDemo } from './demo/seed.js';

const usage = `Usage: broadsheet <command> [options]

Commands:
  serve     Start the site (migrates the database first; a fresh database gets the demo newsroom)
  migrate   Bring the database schema up to date
  seed      Fill the database with the demo newsroom (safe to run again)

Options:
  -h, --help  Show help for a command

Configuration comes from the environment: HOST, PORT, SITE_URL, DATA_DIR, DATABASE_URL,
DATABASE_SCHEMA, LOG_LEVEL, PAGE_CACHE_MB, DEMO_CONTENT. See README.md.`;

const commandHelp: Record<string, string> = {
  serve: 'Usage: broadsheet serve\n\nStarts the web server on HOST:PORT. Migrates the database first; on a fresh database\nit seeds the demo newsroom unless DEMO_CONTENT=off.',
  migrate: 'Usage: broadsheet migrate\n\nApplies every pending migration to DATABASE_URL and lists what it applied.',
  seed: 'Usage: broadsheet seed\n\nCreates or updates the demo newsroom: settings, sections, authors, partner sources,\narticles and their illustrations under DATA_DIR/media/demo.',
};

class UsageError extends Error {}

async function migrate(config: Config) {
  const handle = await connectDatabase(config.database);
  try {
    const applied = await migrateToLatest(handle, config.database.dialect === 'postgres' ? config.database.schema : undefined);
    console.log(applied.length ? `Applied ${applied.join(', ')} to ${describeDatabase(config.database)}` : 'The database is up to date');
  } finally {
    await handle.close();
  }
}

async function seed(config: Config) {
  const app = await createApp(config);
  try {
    const { articles } = await seedDemo({ content: app.content, clock: systemClock, mediaDir: path.join(config.dataDir, 'media') });
    console.log(`Demo newsroom ready: ${articles} new articles`);
  } finally {
    await app.close();
  }
}

async function serve(config: Config) {
  const app = await createApp(config);
  const log = app.server.log;
  if (config.demoContent && (await app.content.settings.isFresh())) {
    const { articles } = await seedDemo({ content: app.content, clock: systemClock, mediaDir: path.join(config.dataDir, 'media') });
    log.info(`Fresh database: seeded the demo newsroom (${articles} articles)`);
  }
  let closing = false;
  const stop = async (signal: string) => {
    if (closing) return;
    closing = true;
    log.info(`${signal} received, closing`);
    await app.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  await app.server.listen({ host: config.host, port: config.port });
  log.info(`Broadsheet is serving ${config.siteUrl} from ${describeDatabase(config.database)}`);
}

const commands: Record<string, (config: Config) => Promise<void>> = { serve, migrate, seed };

async function main(argv: string[]) {
  const { positionals, values } = parseArgs({ args: argv, allowPositionals: true, strict: true, options: { help: { type: 'boolean', short: 'h' } } });
  const [name, ...extra] = positionals;
  if (!name) {
    if (values.help) return console.log(usage);
    throw new UsageError('No command given');
  }
  const command = commands[name];
  if (!command) throw new UsageError(`Unknown command "${name}"`);
  if (values.help) return console.log(commandHelp[name]);
  if (extra.length) throw new UsageError(`"${name}" takes no arguments, got "${extra.join(' ')}"`);
  await command(loadConfig());
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError || (error instanceof TypeError && (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS'))) {
    console.error(`broadsheet: ${error.message}\n\n${usage}`);
    process.exit(2);
  }
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  console.error(error);
  process.exit(1);
});
