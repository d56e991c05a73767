import type { Article } from '../../content/index.js';
import { absolute, type Chrome } from '../views/chrome.js';
import { publisherJsonLd } from './publisher.js';

/**
 * An article as a schema.org NewsArticle. A cross-posted piece names the partner's original as
 * `isBasedOn` and the partner as copyright holder; our own pieces name the site's holder.
 */
export function newsArticleJsonLd(article: Article, chrome: Chrome) {
  const { siteUrl, settings } = chrome;
  const url = absolute(siteUrl, `/articles/${article.slug}`);
  const crossPosted = article.source !== null && article.originalUrl !== null;
  const sections = [...article.themes, ...article.regions].map((t) => t.name);
  const year = (article.publishedAt ?? article.updatedAt).slice(0, 4);
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    ...(article.dek ? { description: article.dek } : {}),
    ...(article.publishedAt ? { datePublished: article.publishedAt } : {}),
    dateModified: article.updatedAt,
    author: article.authors.map((a) => ({ '@type': 'Person', name: a.name, url: absolute(siteUrl, `/authors/${a.slug}`) })),
    ...(article.image ? { image: [absolute(siteUrl, article.image.url)] } : {}),
    publisher: publisherJsonLd(chrome),
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    url,
    ...(sections.length ? { articleSection: sections } : {}),
    inLanguage: article.language,
    ...(crossPosted ? { isBasedOn: article.originalUrl } : {}),
    copyrightHolder: { '@type': 'Organization', name: article.source ? article.source.copyrightHolder : settings.copyrightHolder },
    copyrightYear: Number(year),
    // Members-only and paid pieces say so, so search engines do not take the teaser for cloaking.
    ...(article.visibility === 'public' ? {} : { isAccessibleForFree: false }),
  };
}
