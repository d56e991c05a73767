import { absolute, type Chrome } from '../views/chrome.js';

/** The publication as a schema.org Organization: the publisher of every article, and the site's owner. */
export function publisherJsonLd(chrome: Chrome) {
  return {
    '@type': 'Organization',
    '@id': `${chrome.siteUrl}/#publisher`,
    name: chrome.settings.siteName,
    url: `${chrome.siteUrl}/`,
    // The site's only logo is its icon; search engines accept an SVG here.
    logo: { '@type': 'ImageObject', url: absolute(chrome.siteUrl, '/favicon.svg') },
  };
}

/** The home page's structured data: the WebSite, and the Organization with its social accounts. */
export function homeJsonLd(chrome: Chrome): object[] {
  const { settings } = chrome;
  const organization = { ...publisherJsonLd(chrome), ...(settings.socialLinks.length ? { sameAs: settings.socialLinks.map((l) => l.url) } : {}) };
  return [
    {
      '@context': 'https://schema.org',
      '@type': 'WebSite',
      '@id': `${chrome.siteUrl}/#website`,
      name: settings.siteName,
      url: `${chrome.siteUrl}/`,
      inLanguage: settings.language,
      ...(settings.tagline ? { description: settings.tagline } : {}),
      publisher: { '@id': organization['@id'] },
    },
    { '@context': 'https://schema.org', ...organization },
  ];
}
