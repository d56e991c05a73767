import fs from 'node:fs/promises';
import path from 'node:path';
import type { Clock } from '../clock.js';
import type { ContentService } from '../content/index.js';
import { articlesA } from './articles-a.js';
import { articlesB } from './articles-b.js';
import { articlesC } from './articles-c.js';
import { demoIllustration } from './illustration.js';
import { demoAuthors, demoSettings, demoSources, demoTerms } from './newsroom.js';
import type { DemoArticle } from './types.js';

export const demoArticles: DemoArticle[] = [...articlesA, ...articlesB, ...articlesC];

const DAY = 24 * 60 * 60 * 1000;

/** When a demo article appears: `daysAgo` days before now, at its hour (UTC). */
export function demoPublicationTime(article: DemoArticle, now: Date): string {
  const day = new Date(now.getTime() - article.daysAgo * DAY);
  day.setUTCHours(article.hour, 0, 0, 0);
  return day.toISOString();
}

/**
 * Fills the database with the demo newsroom: settings, sections, people, partner outlets and the
 * articles with their illustrations. Safe to run again: what exists is updated, nothing is doubled.
 */
export async function seedDemo(deps: { content: ContentService; clock: Clock; mediaDir: string }): Promise<{ articles: number }> {
  const { content, clock } = deps;
  await content.settings.update(demoSettings);
  for (const term of demoTerms) await content.directory.saveTerm(term);
  for (const source of demoSources) await content.directory.saveSource(source);
  for (const author of demoAuthors) await content.directory.saveAuthor(author);

  const imageDir = path.join(deps.mediaDir, 'demo');
  await fs.mkdir(imageDir, { recursive: true });
  const now = clock.now();
  let created = 0;
  for (const a of demoArticles) {
    await fs.writeFile(path.join(imageDir, `${a.slug}.svg`), demoIllustration(a.slug));
    const input = {
      slug: a.slug,
      kicker: a.kicker,
      title: a.title,
      dek: a.dek,
      bodyHtml: a.body,
      status: 'published' as const,
      publishedAt: demoPublicationTime(a, now),
      authors: a.authors,
      regions: a.regions,
      themes: a.themes,
      dossier: a.dossier ?? null,
      source: a.source?.slug ?? null,
      originalUrl: a.source?.originalUrl ?? null,
      image: { url: `/media/demo/${a.slug}.svg`, ...a.image },
      newsletterPick: a.newsletterPick ?? false,
    };
    const id = await content.editor.idBySlug(a.slug);
    if (id === undefined) {
      await content.editor.create(input);
      created++;
    } else {
      await content.editor.update(id, input);
    }
  }
  return { articles: created };
}
