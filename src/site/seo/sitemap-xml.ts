import { element, escapeXml, XML_DECLARATION } from './xml.js';

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const XHTML_NS = 'http://www.w3.org/1999/xhtml';

/** One `<url>` of a sitemap; `loc` and alternates are absolute URLs, `lastmod` an ISO time. */
export interface SitemapUrl {
  loc: string;
  lastmod?: string;
  /**
   * The same page in other languages (`xhtml:link rel="alternate" hreflang`). Nothing fills this yet:
   * translated pages arrive with the translation issue, which only has to pass them here.
   */
  alternates?: { hreflang: string; href: string }[];
}

/** A `<urlset>` sitemap. The xhtml namespace is declared only when some URL has alternates. */
export function urlsetXml(urls: SitemapUrl[]): string {
  const xhtml = urls.some((u) => u.alternates?.length) ? ` xmlns:xhtml="${XHTML_NS}"` : '';
  const body = urls.map((u) => {
    const alternates = (u.alternates ?? []).map(
      (a) => `<xhtml:link rel="alternate" hreflang="${escapeXml(a.hreflang)}" href="${escapeXml(a.href)}"/>`,
    );
    return `<url>${element('loc', u.loc)}${u.lastmod ? element('lastmod', u.lastmod) : ''}${alternates.join('')}</url>`;
  });
  return `${XML_DECLARATION}\n<urlset xmlns="${SITEMAP_NS}"${xhtml}>\n${body.join('\n')}\n</urlset>\n`;
}

/** A `<sitemapindex>` pointing at other sitemaps. */
export function sitemapIndexXml(sitemaps: { loc: string; lastmod?: string }[]): string {
  const body = sitemaps.map((s) => `<sitemap>${element('loc', s.loc)}${s.lastmod ? element('lastmod', s.lastmod) : ''}</sitemap>`);
  return `${XML_DECLARATION}\n<sitemapindex xmlns="${SITEMAP_NS}">\n${body.join('\n')}\n</sitemapindex>\n`;
}
