import type { ContentService } from '../../src/content/index.js';
import type { ArticleInput } from '../../src/content/inputs.js';
import { makeArticle, makeAuthor, makeSource, makeTerm } from './factories.js';

/** One published article of the test newsroom, as a test planned it. */
export interface PlannedArticle {
  slug: string;
  publishedAt: string;
  authors: string[];
  regions: string[];
  themes: string[];
  dossier?: string;
  source?: string;
}

/** A number as two digits, for slugs and dates. */
export const pad = (n: number) => String(n).padStart(2, '0');

/** Slugs of the planned articles matching a test, newest first: what a list should show. */
export const newestFirst = (plan: PlannedArticle[], match: (a: PlannedArticle) => boolean) =>
  plan
    .filter(match)
    .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt))
    .map((a) => a.slug);

/** Saves the two authors, the sections, the partner source, the plan (dressed by `extra`) and a draft filed everywhere. */
export async function plantNewsroom(
  content: ContentService,
  plan: PlannedArticle[],
  draft: { slug: string; title: string; publishedAt: string },
  extra: (a: PlannedArticle) => Partial<ArticleInput> = () => ({}),
) {
  await makeAuthor(content, {
    slug: 'ada-lind',
    name: 'Ada Lind',
    bio: 'Ada reports on power grids.',
    avatarUrl: '/media/ada.jpg',
    links: [{ label: 'Website', url: 'https://ada.example' }],
  });
  await makeAuthor(content, { slug: 'ben-okafor', name: 'Ben Okafor', bio: 'Ben follows rivers.' });
  await makeTerm(content, 'region', { slug: 'europe', name: 'Europe' });
  await makeTerm(content, 'region', { slug: 'africa', name: 'Africa' });
  await makeTerm(content, 'theme', { slug: 'energy', name: 'Energy' });
  await makeTerm(content, 'theme', { slug: 'water', name: 'Water' });
  await makeTerm(content, 'dossier', { slug: 'grid', name: 'The Grid', description: 'Power lines and who pays.' });
  await makeSource(content, { slug: 'partner', name: 'Partner Weekly', homepageUrl: 'https://partner.example', copyrightHolder: 'Partner Media' });
  for (const a of plan) {
    await makeArticle(content, {
      ...a,
      title: `Headline of ${a.slug}`,
      ...(a.source ? { originalUrl: `https://partner.example/${a.slug}` } : {}),
      ...extra(a),
    });
  }
  // Dated after every planned article and filed everywhere, so a leak would head every list.
  await makeArticle(content, {
    ...draft,
    status: 'draft',
    authors: ['ada-lind', 'ben-okafor'],
    regions: ['europe', 'africa'],
    themes: ['energy', 'water'],
    dossier: 'grid',
    source: 'partner',
    originalUrl: `https://partner.example/${draft.slug}`,
  });
}
