import type { ArticleSummary } from '../content/index.js';
import type { LocalTerms } from '../i18n/catalogs.js';

/** An article with its regions, themes and dossier named in the page's language; slugs, and so links, stay. */
export function withLocalTerms<T extends Pick<ArticleSummary, 'regions' | 'themes' | 'dossier'>>(article: T, terms: LocalTerms): T {
  return { ...article, regions: article.regions.map(terms.of), themes: article.themes.map(terms.of), dossier: article.dossier && terms.of(article.dossier) };
}
