import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { forEachDatabase } from '../helpers/databases.js';
import { makeArticle, makeAuthor } from '../helpers/factories.js';
import { useSmtpServer } from '../helpers/smtp.js';
import { useTestApp } from '../helpers/test-app.js';
import { countingFakeProvider } from '../translation/counting-fake-provider.js';
import { addSubscribers } from './newsletter-client.js';

forEachDatabase('the newsletter in each subscriber’s language', (dialect) => {
  const smtp = useSmtpServer();
  const provider = countingFakeProvider({ pairs: ['en-es'] });
  const t = useTestApp(dialect, { smtpUrl: () => smtp.url, scheduler: false, translationProviders: [provider] });

  before(async () => {
    await makeAuthor(t.app.content, { slug: 'desk-writer', name: 'Desk Writer' });
    const translated = await makeArticle(t.app.content, {
      slug: 'ferry-vote',
      title: 'Harbour board votes on the ferry',
      dek: 'A close vote.',
      authors: ['desk-writer'],
      publishedAt: '2026-11-20T08:00:00.000Z',
    });
    await makeArticle(t.app.content, { slug: 'dredging', title: 'Dredging starts in spring', authors: ['desk-writer'], publishedAt: '2026-11-20T07:00:00.000Z' });
    await t.app.translation.articles.translateArticle(translated.id, 'es');
    await addSubscribers(t, ['lector@example.org'], 'active', 'es');
    await addSubscribers(t, ['lecteur@example.org'], 'active', 'fr');
    await addSubscribers(t, ['reader@example.org'], 'active', 'en');
    await t.app.issues.assemble('2026-11-20');
    await t.app.delivery.sendDue();
  });

  const mailTo = (email: string) => {
    const copies = smtp.received.filter((m) => m.to.includes(email));
    assert.equal(copies.length, 1, email);
    return copies[0]!;
  };

  it('gives a Spanish reader the stored Spanish translations, linked to the Spanish pages', () => {
    const mail = mailTo('lector@example.org');
    assert.match(String(mail.parsed.html), /HARBOUR BOARD VOTES ON THE FERRY/);
    assert.match(mail.text, /A CLOSE VOTE\./);
    assert.match(mail.text, /https:\/\/news\.test\/es\/articles\/ferry-vote/);
    assert.doesNotMatch(mail.text, /Harbour board votes on the ferry/);
    // Not translated into Spanish: as written, linked to the original.
    assert.match(mail.text, /Dredging starts in spring/);
    assert.match(mail.text, /https:\/\/news\.test\/articles\/dredging/);
    assert.match(String(mail.parsed.html), /<html lang="es"/);
  });

  it('gives readers of the site’s language, and of a language with no translation, the articles as written', () => {
    for (const email of ['reader@example.org', 'lecteur@example.org']) {
      const mail = mailTo(email);
      assert.match(mail.text, /Harbour board votes on the ferry/, email);
      assert.match(mail.text, /https:\/\/news\.test\/articles\/ferry-vote/, email);
      assert.doesNotMatch(mail.text, /HARBOUR BOARD/, email);
    }
  });
});
