import { Parser } from 'htmlparser2';
import type { Article, SiteSettings } from '../content/index.js';
import { escapeHtml } from '../escape-html.js';
import { yearOf } from '../site/views/format.js';

/** What the republish tool hands out: the same article as HTML and as plain text. */
export interface RepublishSnippet {
  html: string;
  text: string;
}

/** Who an article is credited to, and where its original and canonical copies live. */
export interface Credit {
  /** The outlet that first published it: our site, or the partner it was cross-posted from. */
  publisher: string;
  /** Who holds the copyright (a setting for our pieces, the partner's holder for cross-posted ones). */
  holder: string;
  /** Absolute URL of the original. */
  originalUrl: string;
  /** Absolute URL search engines should treat as the article's home; the article page uses the same. */
  canonicalUrl: string;
  /** The partner's own wording of its credit ('' for our pieces). */
  attribution: string;
}

type Offerable = Pick<Article, 'visibility' | 'allowRepublish' | 'source'>;

/**
 * Whether anyone may republish an article with the tool: it is public (members' text never leaves
 * through it), not flagged "no republishing", and ours or from a partner that allows republishing.
 */
export const offeredForRepublishing = (article: Offerable) =>
  article.visibility === 'public' && article.allowRepublish && (!article.source || article.source.allowRepublish);

export const articleUrl = (siteUrl: string, slug: string) => `${siteUrl}/articles/${slug}`;

export function creditOf(article: Article, settings: SiteSettings, siteUrl: string): Credit {
  const ours = articleUrl(siteUrl, article.slug);
  const { source } = article;
  if (!source) return { publisher: settings.siteName, holder: settings.copyrightHolder, originalUrl: ours, canonicalUrl: ours, attribution: '' };
  return {
    publisher: source.name,
    holder: source.copyrightHolder,
    originalUrl: article.originalUrl ?? source.homepageUrl,
    canonicalUrl: article.originalUrl ?? ours,
    attribution: source.attribution,
  };
}

/** "A", "A and B", "A, B and C": the byline as the article page writes it. */
export function joinNames(names: string[]): string {
  return names.length < 2 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** "Copyright © A and B, Publisher, 2026", worded like the article page's line so the two never disagree. */
export function copyrightNotice(article: Article, settings: SiteSettings, credit: Credit): string {
  const year = yearOf(article.publishedAt ?? article.updatedAt, { locale: settings.language, timeZone: settings.timeZone });
  return `Copyright © ${joinNames(article.authors.map((a) => a.name))}, ${credit.publisher}, ${year}`;
}

const URL_ATTRIBUTES = new Set(['href', 'src', 'cite']);
const VOID_ELEMENTS = new Set(['br', 'hr', 'img']);
// Elements that stand apart as paragraphs in the plain-text version.
const BLOCKS = new Set(['p', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'figure', 'figcaption', 'pre', 'hr', 'table', 'tr', 'iframe']);

function resolve(url: string, base: string): string | null {
  try {
    return new URL(url.trim(), base).href;
  } catch {
    return null;
  }
}

/**
 * A stored body made to stand on another site: every link, image and citation absolute, plus a
 * plain-text rendering with paragraphs kept and links written "text (URL)". Bodies are sanitised on
 * the way in, so the markup is already a small, balanced, script-free subset.
 */
export function standAloneBody(bodyHtml: string, baseUrl: string): RepublishSnippet {
  let html = '';
  let text = '';
  const openLinks: { href: string | undefined; from: number }[] = [];
  const lists: { ordered: boolean; count: number }[] = [];
  let inPre = 0;
  const endLine = (breaks: string) => {
    text = text.replace(/ +$/, '') + breaks;
  };

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const kept: Record<string, string> = {};
        for (const [key, value] of Object.entries(attribs)) {
          const resolved = URL_ATTRIBUTES.has(key) ? resolve(value, baseUrl) : value;
          if (resolved !== null) kept[key] = resolved;
        }
        html += `<${name}${Object.entries(kept).map(([key, value]) => ` ${key}="${escapeHtml(value)}"`).join('')}>`;
        if (BLOCKS.has(name)) endLine('\n\n');
        if (name === 'pre') inPre++;
        if (name === 'ul' || name === 'ol') lists.push({ ordered: name === 'ol', count: 0 });
        if (name === 'li') {
          const list = lists.at(-1);
          endLine('\n');
          text += list?.ordered ? `${++list.count}. ` : '- ';
        }
        if (name === 'br') endLine('\n');
        if (name === 'a') openLinks.push({ href: kept.href, from: text.length });
        if (name === 'img' && kept.src) text += kept.alt ? `[Image: ${kept.alt}] (${kept.src})` : `[Image] (${kept.src})`;
        if (name === 'iframe' && kept.src) text += `[Video] (${kept.src})`;
      },
      ontext(data) {
        html += escapeHtml(data);
        if (inPre) {
          text += data;
          return;
        }
        const words = data.replace(/\s+/g, ' ');
        text += text === '' || /\s$/.test(text) ? words.trimStart() : words;
      },
      onclosetag(name) {
        if (!VOID_ELEMENTS.has(name)) html += `</${name}>`;
        if (name === 'pre') inPre--;
        if (name === 'ul' || name === 'ol') lists.pop();
        if (name === 'a') {
          const link = openLinks.pop();
          // A link whose text is its own address is not written twice.
          if (link?.href && text.slice(link.from).trim() !== link.href) text += ` (${link.href})`;
        }
        if (BLOCKS.has(name)) endLine('\n\n');
      },
    },
    { decodeEntities: true },
  );
  parser.write(bodyHtml);
  parser.end();
  return { html, text: text.replace(/\n{3,}/g, '\n\n').trim() };
}

/**
 * The ready-to-paste snippet of an article offered for republishing: headline, byline, the whole
 * body with absolute URLs, the "originally published by" credit with its link, the copyright line,
 * the republishing policy and the canonical link (for the republisher's <head>). Pure.
 */
export function buildRepublishSnippet(article: Article, settings: SiteSettings, siteUrl: string): RepublishSnippet {
  const ours = articleUrl(siteUrl, article.slug);
  const credit = creditOf(article, settings, siteUrl);
  const body = standAloneBody(article.bodyHtml, ours);
  const byline = `By ${joinNames(article.authors.map((a) => a.name))}`;
  const originally = `This article was originally published by ${credit.publisher} at`;
  const crossPosted = article.source ? `It was cross-posted by ${settings.siteName} at` : null;
  const closing = [credit.attribution, copyrightNotice(article, settings, credit), settings.republishingPolicy].filter((line) => line !== '');
  const canonical = `<link rel="canonical" href="${escapeHtml(credit.canonicalUrl)}">`;
  const headNote = 'Put this line inside the <head> of your page, so search engines know where the original is:';
  const link = (url: string) => `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>`;

  const html = [
    `<!-- ${headNote} -->`,
    canonical,
    '<!-- The article: keep its byline, credit, copyright line and links. -->',
    '<article>',
    `<h1>${escapeHtml(article.title)}</h1>`,
    `<p>${escapeHtml(byline)}</p>`,
    body.html,
    `<p>${escapeHtml(originally)} ${link(credit.originalUrl)}.</p>`,
    ...(crossPosted ? [`<p>${escapeHtml(crossPosted)} ${link(ours)}.</p>`] : []),
    ...closing.map((line) => `<p>${escapeHtml(line)}</p>`),
    '</article>',
  ].join('\n');

  const text = [
    article.title,
    byline,
    body.text,
    `${originally} ${credit.originalUrl}.`,
    ...(crossPosted ? [`${crossPosted} ${ours}.`] : []),
    ...closing,
    `${headNote}\n${canonical}`,
  ].join('\n\n');

  return { html, text };
}
