import path from 'node:path';
import { parseArgs } from 'node:util';
import { createApp } from './app.js';
import { systemClock } from './clock.js';
import { ConfigError, describeDatabase, loadConfig, type Config } from './config.js';
import { connectDatabase } from './db/connect.js';
import { migrateToLatest } from './db/migrate.js';
import { seedDemo } from './demo/seed.js';
import { AppError } from './errors.js';
import { slugify } from './content/slugify.js';
import type { DeliveryFigures } from './newsletter/delivery.js';
import { dayIn } from './newsletter/site-day.js';
import { readAddressFile } from './newsletter/suppression-file.js';
import { suppressionReason } from './newsletter/suppressions.js';
import { parseInput } from './parse-input.js';
import type { FeedStatus, PollReport } from './syndication/index.js';
import { produceCatalogsFromCli } from './i18n/catalog-cli.js';
import type { TranslateResult } from './translation/index.js';
import { TranslationError } from './translation/provider.js';

const usage = `Usage: broadsheet <command> [options]

Commands:
  serve                 Start the site (migrates the database first; a fresh database gets the demo newsroom)
  migrate               Bring the database schema up to date
  seed                  Fill the database with the demo newsroom (safe to run again)
  user create           Create a staff account: --email E --name N --role owner|editor|author|contributor
  token create          Create a staff API token: --email E [--name LABEL]
  sources add           Add a partner source and its feed: --name N --feed-url U [--mode review|auto] …
  sources list          List partner feeds and how their last poll went
  sources poll          Poll partner feeds now: every active one, or --source SLUG
  newsletter send       Send the newsletter issues that are due, or today's at once with --now
  newsletter suppress add EMAIL     Never mail an address again: [--reason bounce|complaint|manual] [--detail TEXT]
  newsletter suppress remove EMAIL  Take an address off the suppression list
  newsletter suppress list          List suppressed addresses: [--reason bounce|complaint|manual]
  newsletter suppress import FILE   Suppress every address in FILE, one a line: [--reason R] [--detail TEXT]
  translate             Translate an article and store the translation: --article SLUG --lang L
                        or machine-translate the site's interface strings: --catalog --lang L|all

Options:
  -h, --help  Show help for a command

Configuration comes from the environment: HOST, PORT, SITE_URL, DATA_DIR, DATABASE_URL,
DATABASE_SCHEMA, LOG_LEVEL, PAGE_CACHE_MB, DEMO_CONTENT, SMTP_URL, MAIL_FROM, SMTP_POOL, SMTP_RATE,
DKIM_DOMAIN, DKIM_SELECTOR, DKIM_PRIVATE_KEY_FILE, MEDIA_MAX_MB, TRUST_PROXY, EMBED_HOSTS, FEED_MAX_MB,
NEWSLETTER_WEBHOOK_SECRET.
See README.md.`;

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
  await withApp(config, async (app) => {
    const { articles } = await seedDemo({ content: app.content, clock: systemClock, mediaDir: path.join(config.dataDir, 'media') });
    console.log(`Demo newsroom ready: ${articles} new articles`);
  });
}

async function serve(config: Config) {
  const app = await createApp(config);
  const log = app.server.log;
  if (config.demoContent && (await app.content.settings.isFresh())) {
    const { articles } = await seedDemo({ content: app.content, clock: systemClock, mediaDir: path.join(config.dataDir, 'media') });
    log.info(`Fresh database: seeded the demo newsroom (${articles} articles)`);
  }
  if ((await app.staff.count()) === 0) {
    log.info('No staff account yet. Create the owner with: npx broadsheet user create --email you@example.com --name "Your Name" --role owner');
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

const stringOptions = ['email', 'name', 'role', 'feed-url', 'mode', 'slug', 'homepage', 'copyright', 'author', 'interval', 'source', 'reason', 'detail', 'article', 'lang'] as const;
const booleanOptions = ['now', 'catalog'] as const;
type Options = Partial<Record<(typeof stringOptions)[number], string> & Record<(typeof booleanOptions)[number], boolean>>;

interface Command {
  help: string;
  options: (keyof Options)[];
  /** Names of the arguments the command takes after its name, each required (none by default). */
  args?: string[];
  run(config: Config, options: Options, args: string[]): Promise<void>;
}

const required = (options: Options, key: (typeof stringOptions)[number]) => {
  const value = options[key];
  if (!value) throw new UsageError(`--${key} is required`);
  return value;
};

/** Runs `work` with the app built (and its scheduler idle), closing it after, whatever happens. */
async function withApp(config: Config, work: (app: Awaited<ReturnType<typeof createApp>>) => Promise<void>) {
  const app = await createApp(config, { startScheduler: false });
  try {
    await work(app);
  } finally {
    await app.close();
  }
}

const commands: Record<string, Command> = {
  serve: {
    help: 'Usage: broadsheet serve\n\nStarts the web server on HOST:PORT. Migrates the database first; on a fresh database\nit seeds the demo newsroom unless DEMO_CONTENT=off.',
    options: [],
    run: serve,
  },
  migrate: {
    help: 'Usage: broadsheet migrate\n\nApplies every pending migration to DATABASE_URL and lists what it applied.',
    options: [],
    run: migrate,
  },
  seed: {
    help: 'Usage: broadsheet seed\n\nCreates or updates the demo newsroom: settings, sections, authors, partner sources,\narticles and their illustrations under DATA_DIR/media/demo.',
    options: [],
    run: seed,
  },
  'user create': {
    help: 'Usage: broadsheet user create --email E --name N --role owner|editor|author|contributor\n\nCreates a staff account and prints a single-use link, valid for a day, where its owner\nchooses a password. There is never a default password.',
    options: ['email', 'name', 'role'],
    run: (config, o) =>
      withApp(config, async (app) => {
        const user = await app.staff.create({ email: required(o, 'email'), name: required(o, 'name'), role: required(o, 'role') });
        await app.audit.record(null, 'staff.create', user.email, { role: user.role, via: 'cli' });
        console.log(`Created ${user.role} ${user.name} <${user.email}>.\nTo choose a password, open within a day:\n${await app.staff.setupLink(user.id)}`);
      }),
  },
  'token create': {
    help: 'Usage: broadsheet token create --email E [--name LABEL]\n\nCreates an API token for the staff API (/api/admin/v1) with that staff member\'s role,\nand prints it once: it is stored only as a hash.',
    options: ['email', 'name'],
    run: (config, o) =>
      withApp(config, async (app) => {
        const user = await app.staff.byEmail(required(o, 'email'));
        if (!user) throw new UsageError(`No staff member has the email ${o.email}`);
        const { token } = await app.staff.createApiToken(user.id, o.name ?? 'command line');
        await app.audit.record(user.id, 'token.create', o.name ?? 'command line', { via: 'cli' });
        console.log(token);
      }),
  },
  'sources add': {
    help:
      'Usage: broadsheet sources add --name N --feed-url U [--mode review|auto] [--slug S] [--homepage URL]\n' +
      '                              [--copyright HOLDER] [--author SLUG] [--interval MINUTES]\n\n' +
      'Adds a partner source and the feed (RSS, Atom, JSON Feed or ninjs) Broadsheet polls for it.\n' +
      'In review mode (the default) new items wait in the newsroom\'s review queue; auto mode publishes\n' +
      'them at once under --author. The slug comes from the name, the home page from the feed\'s\n' +
      'address and the copyright holder from the name, unless given. Polls every --interval minutes (60).',
    options: ['name', 'feed-url', 'mode', 'slug', 'homepage', 'copyright', 'author', 'interval'],
    run: (config, o) =>
      withApp(config, async (app) => {
        const name = required(o, 'name');
        const feedUrl = required(o, 'feed-url');
        const [added] = await app.syndication.feeds.addSources([
          {
            source: { slug: o.slug ?? slugify(name), name, homepageUrl: o.homepage ?? originOf(feedUrl), copyrightHolder: o.copyright ?? name },
            feed: { feedUrl, mode: o.mode, defaultAuthor: o.author ?? null, pollMinutes: o.interval },
          },
        ]);
        await app.audit.record(null, 'source.create', added!.sourceSlug, { feedUrl, via: 'cli' });
        console.log(`Added ${added!.sourceName} (${added!.sourceSlug}): ${added!.feedUrl}, ${added!.mode} mode, every ${added!.pollMinutes} min`);
      }),
  },
  'sources list': {
    help: 'Usage: broadsheet sources list\n\nLists every partner feed with its mode, last successful poll, last error and item counts.',
    options: [],
    run: (config) =>
      withApp(config, async (app) => {
        const feeds = await app.syndication.feeds.list();
        if (feeds.length === 0) return console.log('No partner feeds yet. Add one with: broadsheet sources add --name N --feed-url U');
        for (const f of feeds) console.log(describeFeed(f));
      }),
  },
  'sources poll': {
    help: 'Usage: broadsheet sources poll [--source SLUG]\n\nPolls one partner feed, or every active one, now (whether due or not) and reports what each brought.',
    options: ['source'],
    run: (config, o) =>
      withApp(config, async (app) => {
        const reports = o.source ? [await app.syndication.poller.pollNow(o.source)] : await app.syndication.poller.pollAll();
        for (const r of reports) console.log(describePoll(r));
        if (reports.some((r) => !r.ok)) process.exitCode = 1;
      }),
  },
  'newsletter send': {
    help:
      'Usage: broadsheet newsletter send [--now]\n\n' +
      'Sends every newsletter issue whose send time has passed, and resumes any left part-sent\n' +
      '(copies a stopped sender had claimed are taken over once NEWSLETTER_CLAIM_SECONDS pass).\n' +
      'With --now, assembles today\'s issue (in the site\'s time zone) if it does not exist yet and\n' +
      'sends it at once. Prints how many copies were sent, failed and are waiting for a retry.',
    options: ['now'],
    run: (config, o) =>
      withApp(config, async (app) => {
        if (o.now) {
          const { timeZone } = await app.content.settings.get();
          const issue = await app.issues.assemble(dayIn(systemClock.now(), timeZone));
          console.log(describeSend(issue.day, await app.delivery.sendNow(issue.id, { awaitClaims: true })));
          return;
        }
        const { handled } = await app.delivery.sendDue({ awaitClaims: true });
        if (handled.length === 0) return console.log('No newsletter issue is due');
        for (const { day, figures } of handled) console.log(describeSend(day, figures));
      }),
  },
  'newsletter suppress add': {
    help:
      'Usage: broadsheet newsletter suppress add EMAIL [--reason bounce|complaint|manual] [--detail TEXT]\n\n' +
      'Puts an address on the suppression list: the newsletter is never sent to it again. The reason is\n' +
      'manual unless given; a complaint also unsubscribes the subscriber with that address. An address\n' +
      'already listed keeps its entry, except that a complaint replaces any other reason.',
    options: ['reason', 'detail'],
    args: ['EMAIL'],
    run: (config, o, [email]) =>
      withApp(config, async (app) => {
        const reason = parseInput(suppressionReason, o.reason ?? 'manual');
        const added = await app.suppressions.add({ email: email!, reason, ...(o.detail ? { detail: o.detail } : {}) }, 'cli');
        if (added.outcome !== 'unchanged') await app.audit.record(null, 'newsletter.suppress', added.email, { reason, via: 'cli' });
        const said = { added: `Suppressed ${added.email} (${reason})`, made_complaint: `${added.email} was already suppressed; now as a complaint`, unchanged: `${added.email} was already on the suppression list; left as it was` };
        console.log(said[added.outcome] + (added.unsubscribed ? `, and unsubscribed it` : ''));
      }),
  },
  'newsletter suppress remove': {
    help:
      'Usage: broadsheet newsletter suppress remove EMAIL\n\n' +
      'Takes an address off the suppression list (a bounce that was a mistake), so the next issue is sent\n' +
      'to it again if it is still subscribed. A reader unsubscribed by a complaint stays unsubscribed.',
    options: [],
    args: ['EMAIL'],
    run: (config, _o, [email]) =>
      withApp(config, async (app) => {
        const { email: address, removed } = await app.suppressions.remove(email);
        if (!removed) throw new AppError('not_found', `${address} is not on the suppression list`, 404);
        await app.audit.record(null, 'newsletter.unsuppress', address, { via: 'cli' });
        console.log(`Removed ${address} from the suppression list`);
      }),
  },
  'newsletter suppress list': {
    help: 'Usage: broadsheet newsletter suppress list [--reason bounce|complaint|manual]\n\nLists suppressed addresses, newest first, one a line: address, reason, since (UTC), detail.',
    options: ['reason'],
    run: (config, o) =>
      withApp(config, async (app) => {
        let shown = 0;
        for (let page = 1, pages = 1; page <= pages; page += 1) {
          const listed = await app.suppressions.list({ page, reason: o.reason });
          pages = listed.totalPages;
          for (const s of listed.items) console.log(`${s.email}\t${s.reason}\t${s.at}\t${s.detail ?? ''}`);
          shown += listed.items.length;
        }
        if (shown === 0) console.log(o.reason ? `No address is suppressed for the reason ${o.reason}` : 'The suppression list is empty');
      }),
  },
  'newsletter suppress import': {
    help:
      'Usage: broadsheet newsletter suppress import FILE [--reason bounce|complaint|manual] [--detail TEXT]\n\n' +
      'Suppresses every address in FILE: one address a line; blank lines and lines starting with # are\n' +
      'skipped. Every line is checked first: if any is not an address, the bad lines are listed by number\n' +
      'and nothing is imported. The reason is bounce unless given; all addresses go in one transaction.',
    options: ['reason', 'detail'],
    args: ['FILE'],
    run: (config, o, [file]) =>
      withApp(config, async (app) => {
        const reason = parseInput(suppressionReason, o.reason ?? 'bounce');
        const addresses = await readAddressFile(file!);
        const tally = await app.suppressions.addMany(addresses.map((email) => ({ email, reason, ...(o.detail ? { detail: o.detail } : {}) })), 'cli');
        await app.audit.record(null, 'newsletter.suppress-import', path.basename(file!), { reason, ...tally, via: 'cli' });
        const listed = tally.madeComplaint + tally.unchanged;
        console.log(`Read ${addresses.length} addresses from ${file}: ${tally.added} added, ${listed} already on the list${tally.unsubscribed ? `, ${tally.unsubscribed} unsubscribed after a complaint` : ''}`);
      }),
  },
  translate: {
    help:
      'Usage: broadsheet translate --article SLUG --lang L\n' +
      '       broadsheet translate --catalog --lang L|all\n\n' +
      'Translates an article (whatever its status) into the language L, a BCP 47 tag such as es, through\n' +
      'the first translation provider offering the pair, and stores it as a machine translation. Paragraphs\n' +
      'translated before come from the translation memory. The translation is stored only when every part\n' +
      'of the article was translated. A reviewed translation is never overwritten: it is kept, and marked\n' +
      'stale when the original has changed since the review. Prints how many segments there were, how many\n' +
      'came from the memory and how many were sent to the provider.\n\n' +
      'With --catalog, machine-translates the interface strings of the public site and its boilerplate\n' +
      'settings into L (or, with all, into every language of the site but its own): only entries that are\n' +
      'missing or made from English that has changed since; entries reviewed by staff are kept. Prints how\n' +
      'many were translated, kept, and failed (a placeholder lost: that entry stays in English).',
    options: ['article', 'lang', 'catalog'],
    run: (config, o) =>
      withApp(config, async (app) => {
        if (o.catalog) {
          if (o.article) throw new UsageError('--catalog takes no --article');
          if (!(await produceCatalogsFromCli(app.catalogs, required(o, 'lang'), console.log))) process.exitCode = 1;
          return;
        }
        const slug = required(o, 'article');
        console.log(describeTranslation(slug, await app.translation.translateBySlug(slug, required(o, 'lang'))));
      }),
  },
};

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url; // the feed's own check reports the bad address
  }
}

function describeFeed(f: FeedStatus): string {
  const state = !f.active ? 'paused' : f.lastError ? `failing (${f.failures}×): ${f.lastError}` : f.lastSuccessAt ? `ok, last polled ${f.lastSuccessAt}` : 'not polled yet';
  return `${f.sourceSlug}\t${f.mode}\t${f.feedUrl}\t${state}\t${f.itemsSeen} seen, ${f.itemsImported} imported`;
}

function describeSend(day: string, f: DeliveryFigures): string {
  const retrying = f.pending + f.sending;
  return `Newsletter of ${day}: ${f.sent} sent, ${f.failed} failed${retrying ? `, ${retrying} waiting for a retry` : ', done'}`;
}

function describeTranslation(slug: string, r: TranslateResult): string {
  if (r.outcome === 'kept_review') {
    return r.status === 'stale'
      ? `${slug} has a reviewed ${r.language} translation made from an older version: marked stale for an editor, not overwritten`
      : `${slug} has a reviewed ${r.language} translation of its current version: left as it is`;
  }
  const c = r.counts;
  return `Translated ${slug} into ${r.language} with ${r.provider}: ${c.total} segments, ${c.fromMemory} from the translation memory, ${c.sent} sent to the provider`;
}

function describePoll(r: PollReport): string {
  if (!r.ok) return `${r.source}: failed: ${r.error}`;
  if (r.notModified) return `${r.source}: not modified since the last poll`;
  const c = r.counts;
  const line = `${r.source}: ${c.imported} imported, ${c.queued} queued for review, ${c.updated} updated, ${c.duplicate} duplicates, ${c.unchanged} unchanged, ${c.failed} failed`;
  return r.warnings.length ? `${line}\n  ${r.warnings.join('\n  ')}` : line;
}

async function main(argv: string[]) {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      ...Object.fromEntries(stringOptions.map((o) => [o, { type: 'string' as const }])),
      ...Object.fromEntries(booleanOptions.map((o) => [o, { type: 'boolean' as const }])),
    },
  });
  if (positionals.length === 0) {
    if (values.help) return console.log(usage);
    throw new UsageError('No command given');
  }
  // The longest command name the words start with: `newsletter suppress add` before `newsletter`.
  const name = [3, 2].map((n) => positionals.slice(0, n).join(' ')).find((words) => commands[words]) ?? positionals[0]!;
  const command = commands[name];
  if (!command) throw new UsageError(`Unknown command "${positionals.join(' ')}"`);
  if (values.help) return console.log(command.help);
  const extra = positionals.slice(name.split(' ').length);
  const wanted = command.args ?? [];
  if (!wanted.length && extra.length) throw new UsageError(`"${name}" takes no arguments, got "${extra.join(' ')}"`);
  if (extra.length !== wanted.length) throw new UsageError(`"${name}" takes ${wanted.join(' ')}${extra.length ? `, got "${extra.join(' ')}"` : ''}`);
  const { help: _help, ...options } = values;
  const unexpected = Object.keys(options).filter((k) => !command.options.includes(k as keyof Options));
  if (unexpected.length) throw new UsageError(`"${name}" takes no --${unexpected.join(', --')}`);
  await command.run(loadConfig(), options, extra);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError || (error instanceof TypeError && (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS'))) {
    console.error(`broadsheet: ${error.message}\n\n${usage}`);
    process.exit(2);
  }
  if (error instanceof ConfigError || error instanceof AppError || error instanceof TranslationError) {
    console.error(error.message);
    process.exit(1);
  }
  console.error(error);
  process.exit(1);
});
