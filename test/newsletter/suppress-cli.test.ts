import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { connectDatabase, type DatabaseHandle } from '../../src/db/connect.js';
import { forEachDatabase, scratchDatabase, type ScratchDatabase } from '../helpers/databases.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

forEachDatabase('broadsheet newsletter suppress', (dialect) => {
  let scratch: ScratchDatabase;
  let handle: DatabaseHandle | undefined;

  before(async () => {
    scratch = await scratchDatabase(dialect);
  });
  after(async () => {
    await handle?.close();
    await scratch.drop();
  });

  /** Runs the command from source on the scratch database, with nothing else from the developer's environment. */
  function cli(...args: string[]) {
    const database =
      scratch.config.dialect === 'sqlite'
        ? { DATABASE_URL: `sqlite:${scratch.config.file}` }
        : { DATABASE_URL: scratch.config.url, ...(scratch.config.schema ? { DATABASE_SCHEMA: scratch.config.schema } : {}) };
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'newsletter', 'suppress', ...args], {
      cwd: repoRoot,
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', DATA_DIR: scratch.dataDir, ...database },
      encoding: 'utf8',
    });
    if (result.error) throw result.error;
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  /** The scratch database, opened once a command has created its tables. */
  async function db() {
    handle ??= await connectDatabase(scratch.config);
    return handle.db;
  }

  const entries = async () => (await db()).selectFrom('newsletter_suppressions').selectAll().orderBy('email').execute();

  function writeFile(name: string, text: string) {
    const file = path.join(scratch.dataDir, name);
    fs.writeFileSync(file, text);
    return file;
  }

  it('list says the list is empty at first', () => {
    const run = cli('list');
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout.trim(), 'The suppression list is empty');
  });

  it('add suppresses a normalised address (manual unless told) and records it in the audit log; adding it again changes nothing', async () => {
    const run = cli('add', 'Someone@Example.org', '--reason', 'bounce', '--detail', '550 5.1.1 gone');
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout.trim(), 'Suppressed someone@example.org (bounce)');
    assert.equal(cli('add', 'staff-note@example.org').stdout.trim(), 'Suppressed staff-note@example.org (manual)');
    const again = cli('add', 'someone@example.org', '--reason', 'manual');
    assert.equal(again.status, 0);
    assert.equal(again.stdout.trim(), 'someone@example.org was already on the suppression list; left as it was');
    const rows = await entries();
    assert.deepEqual(
      rows.map((r) => [r.email, r.reason, r.detail]),
      [['someone@example.org', 'bounce', '550 5.1.1 gone'], ['staff-note@example.org', 'manual', null]],
    );
    const audit = await (await db()).selectFrom('audit_log').select(['action', 'subject', 'actor_id']).where('action', '=', 'newsletter.suppress').orderBy('id').execute();
    assert.deepEqual(audit, [
      { action: 'newsletter.suppress', subject: 'someone@example.org', actor_id: null },
      { action: 'newsletter.suppress', subject: 'staff-note@example.org', actor_id: null },
    ]);
  });

  it('add --reason complaint unsubscribes the subscriber, with a consent record from the command line', async () => {
    const at = '2026-11-20T12:00:00.000Z';
    const { id } = await (await db())
      .insertInto('newsletter_subscribers')
      .values({ email: 'angry@example.org', status: 'active', language: 'en', created_at: at, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    const run = cli('add', 'angry@example.org', '--reason', 'complaint');
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout.trim(), 'Suppressed angry@example.org (complaint), and unsubscribed it');
    const reader = await (await db()).selectFrom('newsletter_subscribers').select('status').where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(reader.status, 'unsubscribed');
    const records = await (await db()).selectFrom('newsletter_consents').select(['action', 'form', 'detail']).where('subscriber_id', '=', id).execute();
    assert.deepEqual(records, [{ action: 'unsubscribe', form: 'cli', detail: '{"reason":"complaint"}' }]);
  });

  it('add refuses a bad address or reason (exit 1, nothing written) and a missing address (exit 2 with the usage)', async () => {
    const before = await entries();
    const badReason = cli('add', 'new@example.org', '--reason', 'spam');
    assert.equal(badReason.status, 1);
    assert.match(badReason.stderr, /The reason is bounce, complaint or manual/);
    const badAddress = cli('add', 'not-an-address');
    assert.equal(badAddress.status, 1);
    assert.match(badAddress.stderr, /exactly one @/);
    const missing = cli('add');
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /"newsletter suppress add" takes EMAIL/);
    assert.match(missing.stderr, /^Usage: broadsheet <command>/m);
    assert.deepEqual(await entries(), before);
  });

  it('list prints one tab-separated line per address, newest first, and --reason narrows it', () => {
    const all = cli('list');
    assert.equal(all.status, 0, all.stderr);
    const lines = all.stdout.trim().split('\n');
    assert.equal(lines.length, 3);
    for (const line of lines) assert.match(line, /^[^\t]+@example\.org\t(bounce|complaint|manual)\t\d{4}-\d{2}-\d{2}T[\d:.]+Z\t/);
    assert.deepEqual(cli('list', '--reason', 'bounce').stdout.trim().split('\n'), ['someone@example.org\tbounce\t' + lines.find((l) => l.startsWith('someone@'))!.split('\t')[2] + '\t550 5.1.1 gone']);
    assert.equal(cli('list', '--reason', 'complaint').stdout.trim().split('\t')[0], 'angry@example.org');
  });

  it('remove takes an address off the list; removing one not listed exits 1 saying so', async () => {
    const run = cli('remove', 'STAFF-NOTE@example.org');
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout.trim(), 'Removed staff-note@example.org from the suppression list');
    assert.equal((await entries()).some((e) => e.email === 'staff-note@example.org'), false);
    const again = cli('remove', 'staff-note@example.org');
    assert.equal(again.status, 1);
    assert.match(again.stderr, /staff-note@example\.org is not on the suppression list/);
  });

  it('import suppresses every address of a file, skipping blank lines and comments, as bounces unless told', async () => {
    const file = writeFile('relay-export.txt', '\ufeff# exported by the relay\r\nfirst@example.org\r\n\r\n  Second@Example.org  \r\n# another comment\r\nsomeone@example.org\r\nfirst@example.org\r\n');
    const run = cli('import', file);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout.trim(), `Read 4 addresses from ${file}: 2 added, 2 already on the list`);
    const rows = await entries();
    assert.deepEqual(
      rows.filter((r) => ['first@example.org', 'second@example.org'].includes(r.email)).map((r) => [r.email, r.reason]),
      [['first@example.org', 'bounce'], ['second@example.org', 'bounce']],
    );
    const complaints = cli('import', writeFile('complaints.txt', 'third@example.org\n'), '--reason', 'complaint', '--detail', 'feedback loop');
    assert.equal(complaints.status, 0, complaints.stderr);
    assert.deepEqual(
      (await entries()).filter((r) => r.email === 'third@example.org').map((r) => [r.reason, r.detail]),
      [['complaint', 'feedback loop']],
    );
  });

  it('import refuses a file with bad lines, listing them by number, and writes nothing', async () => {
    const before = await entries();
    const file = writeFile('mixed.txt', 'good-1@example.org\n# fine\nnot an address\ngood-2@example.org\n\nhalf@\nfourth@example.org, Fourth Reader\n');
    const run = cli('import', file);
    assert.equal(run.status, 1);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /has 3 bad lines; nothing was imported/);
    assert.match(run.stderr, /^ {2}line 3: /m);
    assert.match(run.stderr, /^ {2}line 6: /m);
    assert.match(run.stderr, /^ {2}line 7: /m);
    assert.doesNotMatch(run.stderr, /line [1245]:/);
    assert.deepEqual(await entries(), before);

    const missing = cli('import', path.join(scratch.dataDir, 'no-such-file.txt'));
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /Cannot read .*no-such-file\.txt: no such file/);
    assert.deepEqual(await entries(), before);
  });
});

describe('broadsheet newsletter suppress --help', () => {
  it('each command has its own help', () => {
    for (const [command, usage] of [
      ['add', /^Usage: broadsheet newsletter suppress add EMAIL \[--reason bounce\|complaint\|manual\] \[--detail TEXT\]$/m],
      ['remove', /^Usage: broadsheet newsletter suppress remove EMAIL$/m],
      ['list', /^Usage: broadsheet newsletter suppress list \[--reason bounce\|complaint\|manual\]$/m],
      ['import', /^Usage: broadsheet newsletter suppress import FILE /m],
    ] as const) {
      const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'newsletter', 'suppress', command, '--help'], {
        cwd: repoRoot,
        env: { PATH: process.env.PATH ?? '' },
        encoding: 'utf8',
      });
      assert.equal(run.status, 0, command);
      assert.match(run.stdout, usage);
    }
  });
});
