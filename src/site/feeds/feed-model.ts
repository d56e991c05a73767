import type { Article, SiteSettings, Term } from '../../content/index.js';
import { escapeHtml } from '../../escape-html.js';
import type { Messages } from '../../i18n/messages.js';
import { absoluteUrls, imageType, xmlSafe } from './text.js';

/** One feed, independent of its format: what RSS, Atom and JSON Feed are each written from. */
export interface FeedModel {
  title: string;
  description: string;
  language: string;
  copyright: string;
  /** Absolute URL of the list page this feed mirrors. */
  homeUrl: string;
  /** Absolute URLs of this feed in each format, for self links. */
  self: { rss: string; atom: string; json: string };
  /** The newest change among the entries (or `fallbackUpdated` for an empty feed). */
  updated: Date;
  entries: FeedEntry[];
}

export interface FeedEntry {
  /** The article's URL: stable, and the same in every format. */
  id: string;
  url: string;
  /** Plain text. */
  title: string;
  /** Plain text: the dek. */
  summary: string;
  /** HTML: the full body (or, in summary mode, the dek), with the original source named when cross-posted. */
  contentHtml: string;
  /** Whether `contentHtml` is the whole article (else it is only the summary). */
  fullText: boolean;
  published: Date;
  updated: Date;
  authors: { name: string; url: string }[];
  categories: { name: string; slug: string; scheme: string }[];
  image: { url: string; type: string; alt: string } | null;
}

/** What a feed is a feed of: the whole site or one list, named and addressed like its page. */
export interface FeedScope {
  /** Path of the list page ('' for the front page). */
  basePath: string;
  /** Shown before the site name, e.g. "Articles by Ada Lind", in the feed's language. */
  label: string | null;
  description: string;
}

const termPaths = { region: 'regions', theme: 'themes' } as const;

/** Builds a feed from published articles, newest first. Pure: no queries, no clock. */
export function buildFeedModel(input: {
  scope: FeedScope;
  articles: Article[];
  settings: SiteSettings;
  siteUrl: string;
  fallbackUpdated: Date;
  /** The interface strings in the feed's language. */
  messages: Messages;
  /** The feed of a language other than the site's: its code, and the prefix of its pages (`/es`). */
  language?: { code: string; prefix: string };
}): FeedModel {
  const { scope, settings, siteUrl, messages } = input;
  const pages = { siteUrl, linkBase: siteUrl + (input.language?.prefix ?? '') };
  const entries = input.articles.map((a) => toEntry(a, settings, pages, messages));
  const newest = entries.reduce<Date | null>((max, e) => (!max || e.updated > max ? e.updated : max), null);
  const base = pages.linkBase + scope.basePath;
  // The front page is the site's root URL, with its slash.
  const homeUrl = scope.basePath || input.language ? base : `${siteUrl}/`;
  return {
    title: scope.label ? messages.t('feed.title', { label: scope.label, siteName: settings.siteName }) : settings.siteName,
    description: scope.description || settings.tagline || settings.siteName,
    language: input.language?.code ?? settings.language,
    copyright: messages.t('feed.copyright', { holder: settings.copyrightHolder }),
    homeUrl,
    self: { rss: `${base}/feed.xml`, atom: `${base}/atom.xml`, json: `${base}/feed.json` },
    updated: newest ?? input.fallbackUpdated,
    entries,
  };
}

/** Media sit at the site's root; pages (articles, authors, sections) under the feed's language prefix. */
function toEntry(article: Article, settings: SiteSettings, { siteUrl, linkBase }: { siteUrl: string; linkBase: string }, messages: Messages): FeedEntry {
  const url = `${linkBase}/articles/${article.slug}`;
  const published = new Date(article.publishedAt ?? article.updatedAt);
  const edited = new Date(article.updatedAt);
  // Members' and paid pieces never go out whole: a feed is public.
  const fullText = settings.feedFullText && article.visibility === 'public';
  const body = fullText ? absoluteUrls(article.bodyHtml, siteUrl) : article.dek ? `<p>${escapeHtml(article.dek)}</p>` : '';
  const image = article.image ? siteUrl + article.image.url : null;
  return {
    id: url,
    url,
    // Control characters are dropped everywhere, so every format shows the same text.
    title: xmlSafe(article.title),
    summary: xmlSafe(article.dek),
    contentHtml: xmlSafe(originNote(article, messages) + body),
    fullText,
    published,
    updated: edited > published ? edited : published,
    authors: article.authors.map((a) => ({ name: xmlSafe(a.name), url: `${linkBase}/authors/${a.slug}` })),
    categories: [...article.regions, ...article.themes].map((t) => category(t, linkBase)),
    image: image ? { url: image, type: imageType(image), alt: article.image!.alt } : null,
  };
}

/** A cross-posted piece names its original, as its page does, wherever a reader sees it. */
function originNote(article: Article, messages: Messages): string {
  if (!article.source) return '';
  // Links go in as markup the message's text is put around; that text is escaped, the markup is not.
  type Markup = { html: string };
  const link = (href: string, text: string): Markup => ({ html: `<a href="${escapeHtml(href)}">${escapeHtml(text)}</a>` });
  const source = link(article.source.homepageUrl, article.source.name);
  const pieces = article.originalUrl
    ? messages.parts<'feed.originWithLink', Markup>('feed.originWithLink', { source, originalLink: link(article.originalUrl, messages.t('article.readOriginal')) })
    : messages.parts<'feed.origin', Markup>('feed.origin', { source });
  return `<p>${pieces.map((p) => (typeof p === 'string' ? escapeHtml(p) : p.html)).join('')}</p>`;
}

const category = (term: Term, siteUrl: string) => ({
  name: xmlSafe(term.name),
  slug: term.slug,
  scheme: `${siteUrl}/${termPaths[term.kind as keyof typeof termPaths]}/`,
});
