import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';
import { canRead } from '../../src/members/index.js';
import { forEachDatabase } from '../helpers/databases.js';
import { useSmtpServer } from '../helpers/smtp.js';
import { useTestApp } from '../helpers/test-app.js';
import { useStaff } from '../newsletter/staff-client.js';
import { form, freshRateWindow, get, signIn } from './reader-client.js';

describe('canRead', () => {
  test('public is for all, members for members and supporters, paid for supporters only', () => {
    const levels = ['none', 'member', 'supporter'] as const;
    assert.deepEqual(levels.map((l) => canRead('public', l)), [true, true, true]);
    assert.deepEqual(levels.map((l) => canRead('members', l)), [false, true, true]);
    assert.deepEqual(levels.map((l) => canRead('paid', l)), [false, false, true]);
  });
});

forEachDatabase('membership', (dialect) => {
  const smtp = useSmtpServer();
  const t = useTestApp(dialect, { smtpUrl: () => smtp.url });
  const staff = useStaff(t);
  beforeEach(() => freshRateWindow(t));

  const readerId = async (email: string) => (await t.app.database.db.selectFrom('readers').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
  const tierCount = async () => (await t.app.membershipTiers.list()).length;
  const tierForm = (fields: Record<string, string>) => ({ name: 'Supporters', slug: 'supporters', kind: 'supporter', currency: 'EUR', monthlyAmount: '5', yearlyAmount: '50', description: '', stripeMonthlyPriceId: '', stripeYearlyPriceId: '', position: '1', ...fields });

  test('staff create tiers; the page lists them with amounts, and says payments are not set up', async () => {
    assert.equal((await staff.post('editor', '/admin/membership/tiers', tierForm({ name: 'Free', slug: 'free', kind: 'free', monthlyAmount: '', yearlyAmount: '', position: '0' }))).status, 303);
    assert.equal((await staff.post('owner', '/admin/membership/tiers', tierForm({ monthlyAmount: '4.50', stripeMonthlyPriceId: 'price_1Month' }))).status, 303);
    const supporters = (await t.app.membershipTiers.list()).find((x) => x.slug === 'supporters')!;
    assert.equal(supporters.monthlyAmount, 450);
    assert.equal(supporters.yearlyAmount, 5000);

    const html = await t.html('/membership');
    assert.match(html, /Join free/);
    assert.match(html, /€4\.50 a month/);
    assert.match(html, /€50\.00 a year/);
    assert.match(html, /payments are not set up/);
    assert.doesNotMatch(html, /Join monthly|Join yearly/, 'no paid buttons without Stripe');
    const german = await t.html('/de/membership');
    assert.match(german, /4,50\s€/, 'amounts in the page’s language');
  });

  test('tier refusals are clear and store nothing', async () => {
    const before = await tierCount();
    const cases: [Record<string, string>, RegExp][] = [
      [{ monthlyAmount: '-3' }, /must be a number/],
      [{ monthlyAmount: '4.555' }, /must be a number/],
      [{ monthlyAmount: '', yearlyAmount: '' }, /needs a monthly or a yearly amount/],
      [{ kind: 'free', slug: 'free-2' }, /A free tier has no amount/],
      [{ currency: 'XYZ' }, /A currency code/],
      [{ slug: 'Bad Slug' }, /Lower-case letters/],
      [{ slug: 'supporters' }, /Another tier already has that slug/],
      [{ stripeMonthlyPriceId: 'nonsense', slug: 'other' }, /Stripe price id/],
    ];
    for (const [fields, message] of cases) {
      const res = await staff.post('editor', '/admin/membership/tiers', tierForm(fields));
      assert.ok(res.status === 400 || res.status === 409, `${JSON.stringify(fields)} answered ${res.status}`);
      assert.match(await res.text(), message);
    }
    assert.equal(await tierCount(), before);
  });

  test('authors cannot manage membership', async () => {
    assert.equal((await staff.get('author', '/admin/membership')).status, 403);
    assert.equal((await staff.post('author', '/admin/membership/tiers', tierForm({ slug: 'nope' }))).status, 403);
    assert.equal((await staff.post('editor', '/admin/membership/tiers', tierForm({ slug: 'nope-2' }), null)).status, 403, 'CSRF token needed');
  });

  test('joining free needs a sign-in, then makes a member', async () => {
    const anonymous = await form(t, '/membership/join', { tier: '1', interval: 'free' });
    assert.equal(anonymous.status, 303);
    assert.equal(anonymous.headers.get('location'), '/signin?next=%2Fmembership');

    const free = (await t.app.membershipTiers.list()).find((x) => x.kind === 'free')!;
    const reader = await signIn(t, smtp, 'joiner@example.org');
    assert.equal((await form(t, '/membership/join', { tier: String(free.id), interval: 'free' }, reader.cookie)).status, 403, 'CSRF token needed');
    const joined = await form(t, '/membership/join', { _csrf: reader.csrf, tier: String(free.id), interval: 'free' }, reader.cookie);
    assert.equal(joined.status, 303);
    assert.equal(joined.headers.get('location'), '/account?joined=1');
    const id = await readerId('joiner@example.org');
    assert.deepEqual((await t.app.memberships.accessOf(id)).level, 'member');
    const account = await (await get(t, '/account', reader.cookie)).text();
    assert.match(account, /Tier: Free/);

    const page = await get(t, '/membership', reader.cookie);
    assert.equal(page.headers.get('cache-control'), 'no-store, private', 'a signed-in reader’s page is not cached');
    assert.match(await page.text(), /Your membership: Free/);
  });

  test('a supporter tier cannot be joined free', async () => {
    const supporters = (await t.app.membershipTiers.list()).find((x) => x.slug === 'supporters')!;
    const reader = await signIn(t, smtp, 'sneaky@example.org');
    const res = await form(t, '/membership/join', { _csrf: reader.csrf, tier: String(supporters.id), interval: 'free' }, reader.cookie);
    assert.equal(res.status, 400);
    assert.equal((await t.app.memberships.accessOf(await readerId('sneaky@example.org'))).level, 'none');
  });

  test('staff grant and revoke by hand, with the reason audit-logged', async () => {
    await signIn(t, smtp, 'granted@example.org');
    const id = await readerId('granted@example.org');
    const supporters = (await t.app.membershipTiers.list()).find((x) => x.slug === 'supporters')!;

    const noReason = await staff.post('editor', '/admin/membership/grant', { email: 'granted@example.org', tierId: String(supporters.id), note: '' });
    assert.equal(noReason.status, 400);
    assert.equal((await t.app.memberships.accessOf(id)).level, 'none');
    assert.equal((await staff.post('author', '/admin/membership/grant', { email: 'granted@example.org', tierId: String(supporters.id), note: 'x' })).status, 403);

    const granted = await staff.post('editor', '/admin/membership/grant', { email: 'Granted@example.org', tierId: String(supporters.id), note: 'Press pass' });
    assert.equal(granted.status, 303);
    assert.equal((await t.app.memberships.accessOf(id)).level, 'supporter');
    const list = await (await staff.get('owner', '/admin/membership?q=granted')).text();
    assert.match(list, /granted@example\.org/);

    assert.equal((await staff.post('editor', `/admin/membership/members/${id}/revoke`, { note: 'Pass expired' })).status, 303);
    assert.equal((await t.app.memberships.accessOf(id)).level, 'none');

    const log = await t.app.audit.page(1);
    const grant = log.find((e) => e.action === 'membership.grant')!;
    assert.equal(grant.subject, 'granted@example.org');
    assert.equal(grant.detail.note, 'Press pass');
    assert.equal(grant.actor, 'editor person');
    assert.equal(log.find((e) => e.action === 'membership.revoke')!.detail.note, 'Pass expired');
  });

  test('a deactivated tier is no longer offered or joinable', async () => {
    const free = (await t.app.membershipTiers.list()).find((x) => x.kind === 'free')!;
    assert.equal((await staff.post('owner', `/admin/membership/tiers/${free.id}/active`, { active: '0' })).status, 303);
    assert.doesNotMatch(await t.html('/membership'), /Join free/, 'the cached page was purged');
    const reader = await signIn(t, smtp, 'late-joiner@example.org');
    const res = await form(t, '/membership/join', { _csrf: reader.csrf, tier: String(free.id), interval: 'free' }, reader.cookie);
    assert.equal(res.status, 400);
    await staff.post('owner', `/admin/membership/tiers/${free.id}/active`, { active: '1' });
  });
});
