import type { ArticleSnapshot } from '../content/article-writer.js';
import type { ArticleInput } from '../content/inputs.js';
import { escapeHtml } from '../escape-html.js';
import type { FeedContext, PreparedItem } from './ingest-item.js';


/** The parts of a stored partner item an article is made from. */
type ItemWords = Pick<PreparedItem, 'title' | 'dek' | 'bodyHtml' | 'image' | 'originalUrl' | 'language' | 'publishedAt'>;

/** An item with nothing left to show once cleaned still says where the article is. */
function bodyOf(p: ItemWords, sourceName: string): string {
  if (p.bodyHtml) return p.bodyHtml;
  if (p.originalUrl) return `<p><a href="${escapeHtml(p.originalUrl)}">Read the article at ${escapeHtml(sourceName)}</a></p>`;
  return `<p>${escapeHtml(p.title)}</p>`;
}

/** A feed's language tag in the form articles store (`en`, `pt-BR`), or undefined when it isn't one. */
function languageOf(tag: string | null): string | undefined {
  if (!tag) return undefined;
  const [primary = '', ...rest] = tag.trim().replace(/_/g, '-').split('-');
  const normal = [primary.toLowerCase(), ...rest].join('-');
  return /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(normal) ? normal : undefined;
}

/** What the newsroom decides when it takes an item: the byline, the sections, when it goes out. */
export interface ImportChoice {
  status: 'draft' | 'scheduled' | 'published';
  now: Date;
  publishedAt?: string;
  authors?: string[];
  regions?: string[];
  themes?: string[];
  dossier?: string | null;
  kicker?: string;
  title?: string;
  dek?: string;
}

/** The staff-API article a partner item becomes: attributed to its source, pointing at the original. */
export function articleFromItem(p: ItemWords, feed: Pick<FeedContext, 'sourceSlug' | 'sourceName' | 'authorSlug' | 'regionSlug' | 'themeSlug'>, choice: ImportChoice): ArticleInput {
  const now = choice.now.toISOString();
  // A partner's date in the future would make the piece look scheduled; it is published as of now at the latest.
  const partnerDate = p.publishedAt && p.publishedAt < now ? p.publishedAt : now;
  const language = languageOf(p.language);
  return {
    kicker: choice.kicker ?? '',
    title: choice.title ?? p.title,
    dek: choice.dek ?? p.dek,
    bodyHtml: bodyOf(p, feed.sourceName),
    ...(p.image ? { image: p.image } : {}),
    status: choice.status,
    ...(choice.status === 'draft' ? {} : { publishedAt: choice.publishedAt ?? partnerDate }),
    ...(language ? { language } : {}),
    authors: choice.authors ?? (feed.authorSlug ? [feed.authorSlug] : []),
    regions: choice.regions ?? (feed.regionSlug ? [feed.regionSlug] : []),
    themes: choice.themes ?? (feed.themeSlug ? [feed.themeSlug] : []),
    dossier: choice.dossier ?? null,
    source: feed.sourceSlug,
    originalUrl: p.originalUrl,
  };
}

/** An imported article after its partner updated the item: new words (and lead image, if it has one), everything the newsroom chose kept. */
export function refreshedArticle(current: ArticleSnapshot, p: ItemWords): ArticleInput {
  return {
    ...current,
    title: p.title,
    dek: p.dek,
    bodyHtml: p.bodyHtml || current.bodyHtml,
    image: p.image ?? current.image ?? null,
    originalUrl: p.originalUrl ?? current.originalUrl ?? null,
  };
}
