import path from 'node:path';
import { systemClock } from '../src/clock.js';
import type { Config } from '../src/config.js';
import { createContentService } from '../src/content/index.js';
import { connectDatabase } from '../src/db/connect.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { demoArticles, seedDemo } from '../src/demo/seed.js';
import { demoAuthors, demoTerms } from '../src/demo/newsroom.js';

const DAY = 24 * 60 * 60 * 1000;

/**
 * Fills a scratch database with the demo newsroom plus `count` more articles made from the demo
 * bodies (so their size is realistic), spread over three years and every section.
 * Returns the slugs of the bulk articles.
 */
export async function seedBulk(config: Config, count: number): Promise<string[]> {
  const handle = await connectDatabase(config.database);
  await migrateToLatest(handle);
  const content = createContentService({ db: handle.db, clock: systemClock, onPurge: () => {} });
  await seedDemo({ content, clock: systemClock, mediaDir: path.join(config.dataDir, 'media') });
  const regions = demoTerms.filter((t) => t.kind === 'region').map((t) => t.slug);
  const themes = demoTerms.filter((t) => t.kind === 'theme').map((t) => t.slug);
  const now = Date.now();
  const slugs: string[] = [];
  for (let i = 0; i < count; i++) {
    const model = demoArticles[i % demoArticles.length]!;
    const slug = `bench-${String(i).padStart(5, '0')}-${model.slug}`.slice(0, 120);
    await content.editor.create({
      slug,
      kicker: model.kicker,
      title: `${model.title} (${i})`,
      dek: model.dek,
      bodyHtml: model.body,
      status: 'published',
      publishedAt: new Date(now - (i / count) * 3 * 365 * DAY).toISOString(),
      authors: [demoAuthors[i % demoAuthors.length]!.slug],
      regions: [regions[i % regions.length]!],
      themes: [themes[i % themes.length]!, themes[(i * 7 + 3) % themes.length]!].filter((t, k, all) => all.indexOf(t) === k),
      image: { url: `/media/demo/${model.slug}.svg`, ...model.image },
    });
    slugs.push(slug);
  }
  await handle.close();
  return slugs;
}
