import type { Article } from '../../content/index.js';
import { absolute, type Chrome, type PageMeta } from '../views/chrome.js';
import { breadcrumbsJsonLd, type Crumb } from './breadcrumbs.js';
import { newsArticleJsonLd } from './news-article.js';
import { homeJsonLd } from './publisher.js';

/** A page's meta, or how to finish it once the chrome (site URL, settings) is loaded. */
export type PageMetaFor = PageMeta | ((chrome: Chrome) => PageMeta);

type Extra = (chrome: Chrome) => Partial<PageMeta>;

/** Adds what needs the chrome to a page's meta; structured data is appended to any already there. */
export const withSeo =
  (meta: PageMeta, extra: Extra) =>
  (chrome: Chrome): PageMeta => {
    const more = extra(chrome);
    return { ...meta, ...more, jsonLd: [...(meta.jsonLd ?? []), ...(more.jsonLd ?? [])] };
  };

const trail = (chrome: Chrome, crumbs: Crumb[]) => breadcrumbsJsonLd(chrome.siteUrl, chrome.settings.siteName, crumbs);

/** The home page: WebSite and Organization. */
export const homeSeo: Extra = (chrome) => ({ jsonLd: homeJsonLd(chrome) });

/** A list page (author, region, theme, dossier, source): Home › the list. */
export const listingSeo =
  (name: string, path: string): Extra =>
  (chrome) => ({ jsonLd: [trail(chrome, [{ name, path }])] });

/** An article: NewsArticle, Home › its first region (else theme) › the article, and Open Graph article tags. */
export const articleSeo =
  (article: Article): Extra =>
  (chrome) => {
    const section = article.regions[0] ? { name: article.regions[0].name, path: `/regions/${article.regions[0].slug}` }
      : article.themes[0] ? { name: article.themes[0].name, path: `/themes/${article.themes[0].slug}` }
      : undefined;
    const crumbs = [...(section ? [section] : []), { name: article.title, path: `/articles/${article.slug}` }];
    return {
      jsonLd: [newsArticleJsonLd(article, chrome), trail(chrome, crumbs)],
      article: {
        publishedTime: article.publishedAt,
        modifiedTime: article.updatedAt,
        authorUrls: article.authors.map((a) => absolute(chrome.siteUrl, `/authors/${a.slug}`)),
      },
    };
  };
