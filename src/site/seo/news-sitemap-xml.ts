import { element, XML_DECLARATION } from './xml.js';

/** One article of a Google News sitemap. */
export interface NewsItem {
  loc: string;
  title: string;
  publishedAt: string;
}

/**
 * Google News wants ISO 639 codes, with Chinese as zh-cn or zh-tw; our setting is a BCP 47 tag
 * (pt-BR, zh-Hant-TW), so it is reduced to what Google accepts.
 */
export function newsLanguage(tag: string): string {
  const lower = tag.toLowerCase();
  if (lower.startsWith('zh')) return /-(hant|tw|hk|mo)\b/.test(lower) ? 'zh-tw' : 'zh-cn';
  return lower.split('-')[0]!;
}

/** A Google News sitemap (`news:news` per URL) for the given publication. */
export function newsSitemapXml(items: NewsItem[], publication: { name: string; language: string }): string {
  const pub = `<news:publication>${element('news:name', publication.name)}${element('news:language', newsLanguage(publication.language))}</news:publication>`;
  const body = items.map(
    (i) => `<url>${element('loc', i.loc)}<news:news>${pub}${element('news:publication_date', i.publishedAt)}${element('news:title', i.title)}</news:news></url>`,
  );
  return (
    `${XML_DECLARATION}\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n` +
    `${body.join('\n')}\n</urlset>\n`
  );
}
