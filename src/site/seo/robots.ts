/** Paths crawlers are asked to leave alone: the newsroom, its API and unpublished previews. */
const DISALLOWED = ['/admin', '/api/admin', '/preview'];

/** robots.txt: everything else is open, and the sitemaps are named by absolute URL as the format requires. */
export function robotsTxt(siteUrl: string): string {
  return [
    'User-agent: *',
    'Allow: /',
    ...DISALLOWED.map((path) => `Disallow: ${path}`),
    '',
    `Sitemap: ${siteUrl}/sitemap.xml`,
    `Sitemap: ${siteUrl}/news-sitemap.xml`,
    '',
  ].join('\n');
}
