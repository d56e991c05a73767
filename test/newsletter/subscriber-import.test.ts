import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { IMPORT_MAX_BYTES } from '../../src/newsletter/subscriber-admin-import.js';
import { forEachDatabase } from '../helpers/databases.js';
import { useSmtpServer } from '../helpers/smtp.js';
import { useTestApp } from '../helpers/test-app.js';
import { addSubscribers, confirmationLink, consents, mainOf, rowCount, subscriber } from './newsletter-client.js';
import { useStaff } from './staff-client.js';

const IMPORT = '/admin/newsletter/subscribers/import';

/** Text as it was before the page escaped it. */
const unescape = (html: string) => html.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** A list with every kind of row, and what the preview must say of each line. */
const MIXED = [
  '\ufeffEmail,Language,Name', // 1: the header, in any case, after a byte-order mark
  'good.one@example.org,en,One', // 2
  'GOOD.TWO@Example.org,fr,Two', // 3: stored lower-cased
  '"good.three@example.org",,"Three, the third"', // 4: no language: the site's
  'good.one@example.org,de,Again', // 5: repeats line 2
  'Good.Two@example.org,fr,Again', // 6: repeats line 3, in another case
  'known.active@example.org,en,Known', // 7
  'KNOWN.PENDING@example.org,en,Known', // 8
  'gone@example.org,en,Left', // 9: unsubscribed
  'suppressed@example.org,en,Bounced', // 10
  'not-an-address,en,Junk', // 11
  'fine@example.org,xx,Junk', // 12: unknown language
  "=cmd|' /C calc'!A0,en,Junk", // 13: a formula
  'too,many,fields,here', // 14
  'bin\u0000ary@example.org,en,Junk', // 15: binary junk
  '', // 16: blank, skipped
  '"multi', // 17: an address with a line break in it, over two lines
  'line@example.org",en,Junk', // 18
  'good.four@example.org,es,Four', // 19
  'a"b@example.org,en,Junk', // 20: a stray quote
  '+44@example.org,en,Junk', // 21: a formula again, though a valid address
].join('\r\n');

const expectedNotes: [number, RegExp][] = [
  [5, /the same address as line 2/],
  [6, /the same address as line 3/],
  [7, /already subscribed/],
  [8, /already signed up, waiting for confirmation/],
  [9, /unsubscribed; an import never signs a reader up again/],
  [10, /on the suppression list \(bounce\)/],
  [11, /An email address has exactly one @/],
  [12, /unknown language "xx"/],
  [13, /starts with =, \+, -, @ or a tab/],
  [14, /has 4 fields where the header has 3/],
  [15, /control characters or bytes that are not UTF-8/],
  [17, /The part before the @ may hold only/],
  [20, /a " inside a field that is not enclosed in quotes/],
  [21, /starts with =, \+, -, @ or a tab/],
];

forEachDatabase('importing subscribers from a CSV list', (dialect) => {
  // One mailbox that does not exist, to see a failed confirmation mail reported.
  const smtp = useSmtpServer({ refuseRecipient: (address) => (address.startsWith('refused') ? { code: 550, message: '5.1.1 No such mailbox' } : undefined) });
  const t = useTestApp(dialect, { scheduler: false, smtpUrl: () => smtp.url });
  const staff = useStaff(t);
  const db = () => t.app.database.db;

  before(async () => {
    await t.app.content.settings.update({ language: 'pt-BR' });
    await addSubscribers(t, ['known.active@example.org']);
    await addSubscribers(t, ['known.pending@example.org'], 'pending');
    await addSubscribers(t, ['gone@example.org'], 'unsubscribed');
    await db().insertInto('newsletter_suppressions').values({ email: 'suppressed@example.org', reason: 'bounce', at: '2026-01-01T00:00:00.000Z', detail: null }).execute();
  });

  /** Everything an import could write, to show that a refusal wrote none of it. */
  const snapshot = async () => ({
    subscribers: await db().selectFrom('newsletter_subscribers').selectAll().orderBy('id').execute(),
    consents: await rowCount(t, 'newsletter_consents'),
    mails: smtp.received.length,
  });

  const upload = (fields: Record<string, string>, list: string | Buffer, name = 'readers.csv') => staff.postMultipart('editor', IMPORT, fields, { name, bytes: list });

  /** The preview's confirmation form, as the browser would send it back. */
  function confirmFields(html: string): Record<string, string> {
    const form = /<form method="post" action="\/admin\/newsletter\/subscribers\/import\/confirm"[\s\S]*?<\/form>/.exec(html)?.[0];
    assert.ok(form, 'the preview offers to import');
    const fields: Record<string, string> = {};
    for (const m of form.matchAll(/<input type="hidden" name="(mode|source|rows)" value="([^"]*)"/g)) fields[m[1]!] = unescape(m[2]!);
    return fields;
  }

  /** The lines a preview lists, with why. */
  const notes = (html: string) => new Map([...mainOf(html).matchAll(/<tr><td>(\d+)<\/td><td>[^<]*<\/td><td>([^<]*)<\/td><\/tr>/g)].map((m) => [Number(m[1]), unescape(m[2]!)]));

  describe('readers who confirmed elsewhere', () => {
    const choice = { mode: 'confirmed', source: 'Sign-up sheet at the book fair, 12 October 2026' };
    let preview: string;

    it('previews the list row by row, writing nothing', async () => {
      const before = await snapshot();
      const res = await upload(choice, MIXED);
      assert.equal(res.status, 200);
      preview = await res.text();
      const main = mainOf(preview);
      assert.match(main, /<strong>4<\/strong> to add as active subscribers/);
      assert.match(main, /<strong>2<\/strong> repeated in the file/);
      assert.match(main, /<strong>3<\/strong> already on the list/);
      assert.match(main, /<strong>9<\/strong> refused/);
      const listed = notes(preview);
      assert.deepEqual([...listed.keys()].sort((a, b) => a - b), expectedNotes.map(([line]) => line));
      for (const [line, reason] of expectedNotes) assert.match(listed.get(line)!, reason, `line ${line}`);
      assert.match(main, /Import 4 readers/);
      assert.deepEqual(await snapshot(), before);
    });

    it('writes exactly the new rows, each with its import consent, when confirmed; the rest untouched and no mail', async () => {
      const before = await snapshot();
      const fields = confirmFields(preview);
      assert.deepEqual([fields.mode, fields.source], [choice.mode, choice.source]);
      const res = await staff.post('editor', `${IMPORT}/confirm`, fields);
      assert.equal(res.status, 303);
      assert.equal(res.headers.get('location'), '/admin/newsletter/subscribers?imported=4');
      assert.match(await (await staff.get('editor', res.headers.get('location')!)).text(), /Imported 4 readers\./);

      const after = await db().selectFrom('newsletter_subscribers').selectAll().orderBy('id').execute();
      assert.deepEqual(after.slice(0, before.subscribers.length), before.subscribers, 'known readers are left exactly as they were');
      const now = t.clock.now().toISOString();
      assert.deepEqual(
        after.slice(before.subscribers.length).map((r) => [r.email, r.status, r.language, r.confirmed_at, r.confirmation_sent_at]),
        [
          ['good.one@example.org', 'active', 'en', now, null],
          ['good.two@example.org', 'active', 'fr', now, null],
          ['good.three@example.org', 'active', 'pt', now, null],
          ['good.four@example.org', 'active', 'es', now, null],
        ],
      );
      for (const row of after.slice(before.subscribers.length)) {
        const kept = await consents(t, row.id);
        assert.deepEqual(
          kept.map((c) => [c.action, c.form, c.ip_hash, c.at, JSON.parse(c.detail)]),
          [['import', 'admin', null, now, { staffId: staff.ids.editor, source: choice.source }]],
        );
      }
      assert.equal(await subscriber(t, 'suppressed@example.org'), undefined);
      assert.equal(smtp.received.length, before.mails);
      const audit = await db().selectFrom('audit_log').selectAll().where('action', '=', 'newsletter.import').execute();
      assert.deepEqual(audit.map((a) => [a.actor_id, JSON.parse(a.detail)]), [[staff.ids.editor, { added: 4, confirmedElsewhere: true, source: choice.source }]]);
      assert.ok(!audit[0]!.detail.includes('@'), 'no address in the audit log');
    });

    it('adds nothing when the same file comes again, or the confirmation is sent twice', async () => {
      const before = await snapshot();
      const again = await (await upload(choice, MIXED)).text();
      assert.match(mainOf(again), /<strong>0<\/strong> to add/);
      assert.match(mainOf(again), /<strong>7<\/strong> already on the list/);
      assert.match(mainOf(again), /nothing will be imported/);
      assert.doesNotMatch(again, /import\/confirm/);
      const resent = await staff.post('editor', `${IMPORT}/confirm`, confirmFields(preview));
      assert.equal(resent.status, 409);
      assert.match(await resent.text(), /Nobody in this list can be added any more/);
      assert.deepEqual(await snapshot(), before);
    });
  });

  describe('refusals', () => {
    const choice = { mode: 'confirmed', source: 'Old list' };
    const wholeFile: [string, string | Buffer, number, RegExp][] = [
      ['an empty file', '', 400, /The list is empty/],
      ['a file of blank lines', '\r\n\r\n  \r\n', 400, /The list is empty/],
      ['a header without rows', 'email,language\r\n', 400, /a header but no readers/],
      ['a file without an email column', 'name,language\r\nAda,en\r\n', 400, /naming an &quot;email&quot; column; it names: name, language/],
      ['a file naming the email column twice', 'email,EMAIL\r\na@example.org,b@example.org\r\n', 400, /names the &quot;email&quot; column twice/],
      ['an unterminated quote', 'email\r\nok@example.org\r\n"broken@example.org\r\nnext@example.org\r\n', 400, /Line 3: a quoted field is never closed/],
      ['a picture', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]), 400, /naming an &quot;email&quot; column; it names: \ufffdpng/],
      ['more than 50,000 rows', `email\n${'a@example.org\n'.repeat(50_001)}`, 400, /50,001 rows; one import takes at most 50,000/],
      ['a file over 5 MB', `email\n${'x'.repeat(IMPORT_MAX_BYTES)}\n`, 413, /The list is over 5 MB/],
    ];

    for (const [what, list, status, message] of wholeFile) {
      it(`refuses ${what} with ${status} and the reason, on the form again, writing nothing`, async () => {
        const before = await snapshot();
        const res = await upload(choice, list);
        assert.equal(res.status, status);
        const html = await res.text();
        assert.match(html, message);
        assert.match(html, /<h1>Import subscribers<\/h1>/);
        assert.match(html, /value="Old list"/, 'the choices made are kept');
        assert.deepEqual(await snapshot(), before);
      });
    }

    it('refuses a pasted list over 5 MB, a missing choice, a missing note and a file and a paste together', async () => {
      const before = await snapshot();
      const cases: [Record<string, string>, string | undefined, number, RegExp][] = [
        [{ ...choice, text: `email\n${'x'.repeat(IMPORT_MAX_BYTES)}` }, undefined, 413, /The list is over 5 MB/],
        [{ source: 'x' }, 'email\nnew.reader@example.org\n', 400, /Choose how these readers agreed to receive the newsletter/],
        [{ mode: 'confirmed', source: '   ' }, 'email\nnew.reader@example.org\n', 400, /source: Say where and when these readers agreed/],
        [{ ...choice, text: 'email\nother@example.org' }, 'email\nnew.reader@example.org\n', 400, /Choose a file or paste a list, not both/],
      ];
      for (const [fields, file, status, message] of cases) {
        const res = await staff.postMultipart('editor', IMPORT, fields, file === undefined ? undefined : { name: 'readers.csv', bytes: file });
        assert.equal(res.status, status, JSON.stringify(fields).slice(0, 80));
        assert.match(await res.text(), message);
      }
      assert.deepEqual(await snapshot(), before);
    });

    it('writes nothing when an address was signed up or suppressed between the preview and the confirmation', async () => {
      for (const meanwhile of ['signed up', 'suppressed'] as const) {
        const address = `race-${meanwhile === 'signed up' ? 'a' : 'b'}@example.org`;
        const preview = await (await upload(choice, `email\r\n${address}\r\nbystander-${address}\r\n`)).text();
        if (meanwhile === 'signed up') await addSubscribers(t, [address], 'pending');
        else await db().insertInto('newsletter_suppressions').values({ email: address, reason: 'complaint', at: t.clock.now().toISOString(), detail: null }).execute();
        const before = await snapshot();
        const res = await staff.post('editor', `${IMPORT}/confirm`, confirmFields(preview));
        assert.equal(res.status, 409, meanwhile);
        assert.match(await res.text(), /signed up or suppressed since the preview, so nothing was imported/);
        assert.deepEqual(await snapshot(), before, meanwhile);
        assert.equal(await subscriber(t, `bystander-${address}`), undefined);
      }
    });

    it('rolls the whole import back when the write meets a known address in a later batch', async () => {
      const readers = Array.from({ length: 600 }, (_, i) => ({ email: `batch-${i}@example.org`, language: 'en' }));
      readers[550] = { email: 'known.active@example.org', language: 'en' };
      const before = await snapshot();
      await assert.rejects(t.app.newsletter.importSubscribers({ readers, staffId: staff.ids.editor, source: 'x', confirmedElsewhere: true }), { code: 'import_stale', status: 409 });
      assert.deepEqual(await snapshot(), before);
    });
  });

  describe('readers asked to confirm', () => {
    it('adds them as pending and mails each the usual confirmation link, which makes them active', async () => {
      const pasted = 'email,language\nask.one@example.org,fr\nAsk.Two@example.org,\nknown.active@example.org,en\n';
      const preview = await (await staff.postMultipart('editor', IMPORT, { mode: 'ask', source: '', text: pasted })).text();
      assert.match(mainOf(preview), /<strong>2<\/strong> to add as pending subscribers, each mailed a confirmation link/);
      const res = await staff.post('editor', `${IMPORT}/confirm`, confirmFields(preview));
      assert.equal(res.status, 303);
      assert.equal(res.headers.get('location'), '/admin/newsletter/subscribers?imported=2&asked=1');

      for (const [email, language] of [['ask.one@example.org', 'fr'], ['ask.two@example.org', 'pt']] as const) {
        const row = (await subscriber(t, email))!;
        assert.deepEqual([row.status, row.language, row.confirmed_at], ['pending', language, null]);
        assert.deepEqual(
          (await consents(t, row.id)).map((c) => [c.action, c.form, c.ip_hash, JSON.parse(c.detail)]),
          [['subscribe', 'admin', null, { staffId: staff.ids.editor, language }]],
        );
        const link = await confirmationLink(smtp, email);
        assert.equal((await t.get(link)).status, 200);
        assert.equal((await subscriber(t, email))!.status, 'active');
      }
      assert.equal(smtp.received.filter((m) => m.to.includes('known.active@example.org')).length, 0, 'a known reader is not mailed');
    });

    it('stamps each reader whose mail the server took, and reports by id the ones it refused', async () => {
      const { added, mailed } = await t.app.newsletter.importSubscribers({
        readers: [
          { email: 'refused@example.org', language: 'en' },
          { email: 'taken@example.org', language: 'en' },
        ],
        staffId: staff.ids.editor,
        source: '',
        confirmedElsewhere: false,
      });
      assert.equal(added, 2);
      const [refused, taken] = [(await subscriber(t, 'refused@example.org'))!, (await subscriber(t, 'taken@example.org'))!];
      assert.deepEqual(await mailed, [refused.id]);
      assert.equal((await subscriber(t, 'refused@example.org'))!.confirmation_sent_at, null, 'never mailed, and it shows');
      assert.equal((await subscriber(t, 'taken@example.org'))!.confirmation_sent_at, t.clock.now().toISOString());
      assert.equal(taken.status, 'pending');
      await confirmationLink(smtp, 'taken@example.org');
    });
  });
});
