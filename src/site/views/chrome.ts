import type { SiteSettings, Term } from '../../content/index.js';
import type { Messages } from '../../i18n/messages.js';
import type { PageLanguage } from '../page-language.js';

/** What every page's frame shows: site settings, the section menus and the asset URLs. */
export interface Chrome {
  settings: SiteSettings;
  siteUrl: string;
  regions: Term[];
  themes: Term[];
  dossiers: Term[];
  stylesheetUrl: string;
  /** The share island (the Web Share API button), when built. */
  shareScriptUrl?: string | undefined;
  /** The year shown in the footer's copyright line. */
  year: string;
  /** The language the page is in; links stay in it. */
  page: PageLanguage;
  /** The interface strings in the page's language. */
  messages: Messages;
}

/** What a page tells the frame about itself. */
export interface PageMeta {
  title: string;
  description: string;
  /** Path of the page's canonical URL in the site's language (the page's language prefix is added), or an absolute URL. */
  canonical: string;
  /**
   * The languages this page exists in, for `hreflang` alternates (default: every configured language);
   * each language's version lists the same set, so the alternates are reciprocal.
   */
  languages?: readonly string[];
  /** The site path the alternates and the language menu point to, when the canonical is not it (a partner's original). */
  path?: string;
  /** Articles get Open Graph type "article"; everything else is a website page. */
  type?: 'article' | 'website';
  image?: string | null;
  noindex?: boolean;
  /** Feeds of this page's list, for autodiscovery (`<link rel="alternate">`). */
  feeds?: { title: string; href: string; type: 'application/rss+xml' | 'application/atom+xml' | 'application/feed+json' }[];
  /** Structured data (schema.org objects) for search engines, rendered as JSON-LD. */
  jsonLd?: object[];
  /** Open Graph article times and author pages (absolute URLs), for article pages. */
  article?: { publishedTime: string | null; modifiedTime: string; authorUrls: string[] };
}

export const absolute = (siteUrl: string, pathOrUrl: string) => (/^https?:\/\//.test(pathOrUrl) ? pathOrUrl : siteUrl + pathOrUrl);
