import type { IncomingMessage } from 'node:http';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { notFound } from '../errors.js';
import { languageByCode, languageOfTag, type Language } from '../translation/languages.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The page is also served in every configured language, under `/{lang}/…`. */
    localized?: boolean;
  }
}

/** Route options of a page served in every language too: `/es/articles/x` as well as `/articles/x`. */
export const localizedRoute = { config: { localized: true } };

/** The language a public page is rendered in, and what it needs to link to the others. */
export interface PageLanguage {
  language: Language;
  /** The site's own language, whose pages have no prefix. */
  site: Language;
  /** Every configured language, in menu order. */
  languages: readonly Language[];
}

type PrefixedRequest = IncomingMessage & { pageLanguage?: string };

const PREFIX = /^\/([a-z]{2,3})(?=[/?]|$)/;

/**
 * Fastify's `rewriteUrl`: takes a configured language's prefix off the URL before routing, so one
 * route serves `/articles/x` and `/es/articles/x`. The prefix is kept on the raw request.
 */
export function languagePrefixRewriter(languages: readonly Language[]) {
  const codes = new Set(languages.map((l) => l.code));
  return (req: PrefixedRequest): string => {
    const url = req.url ?? '/';
    const match = PREFIX.exec(url);
    if (!match || !codes.has(match[1]!)) return url;
    req.pageLanguage = match[1]!;
    const rest = url.slice(match[0].length);
    return rest.startsWith('/') ? rest : `/${rest}`;
  };
}

/** The language prefix a request came with, if any. */
export const requestedLanguage = (request: FastifyRequest): string | undefined => (request.raw as PrefixedRequest).pageLanguage;

/** A site path in the language the request came in: `/es/account` for a request made under `/es/`. */
export function inRequestLanguage(request: FastifyRequest, path: string): string {
  const code = requestedLanguage(request);
  return code ? `/${code}${path}` : path;
}

/** A language of the site, or a description of one outside the default list (a site written in Welsh, say). */
export function describeLanguage(tag: string): Language {
  const known = languageOfTag(tag);
  if (known) return known;
  const name = new Intl.DisplayNames([tag], { type: 'language', fallback: 'code' }).of(tag) ?? tag;
  return { code: tag.toLowerCase(), iso639_3: '', englishName: tag, nativeName: name, direction: 'ltr' };
}

/**
 * Only routes marked `localized` answer under a language prefix (no `/es/admin`), and the site's own
 * language has no prefix: `/en/archive` on an English site is a permanent redirect to `/archive`.
 */
export function registerLanguagePrefixes(app: FastifyInstance, deps: { languages: readonly Language[]; siteLanguage: () => Promise<string> }) {
  app.addHook('onRequest', async (request, reply) => {
    const code = requestedLanguage(request);
    if (!code) return;
    if (!request.routeOptions.config.localized) throw notFound('page');
    if (describeLanguage(await deps.siteLanguage()).code === code) return reply.header('cache-control', 'public, max-age=3600').redirect(request.url, 301);
  });

  /** The language a request's page is rendered in. */
  return async function pageLanguageOf(request: FastifyRequest | undefined): Promise<PageLanguage> {
    const site = describeLanguage(await deps.siteLanguage());
    const code = request && requestedLanguage(request);
    return { language: code ? languageByCode(code)! : site, site, languages: deps.languages };
  };
}

export type PageLanguageOf = ReturnType<typeof registerLanguagePrefixes>;

/**
 * A page's `hreflang` alternates as absolute URLs: one per language it exists in, and `x-default`,
 * the site's own language when the page exists in it, else the first.
 */
export function hreflangAlternates(siteUrl: string, page: Pick<PageLanguage, 'site'>, sitePath: string, codes: readonly string[]): { hreflang: string; href: string }[] {
  const unique = [...new Set(codes)];
  const fallback = unique.includes(page.site.code) ? page.site.code : unique[0];
  if (fallback === undefined) return [];
  const href = (code: string) => siteUrl + pathIn(page, { code }, sitePath);
  return [...unique.map((code) => ({ hreflang: code, href: href(code) })), { hreflang: 'x-default', href: href(fallback) }];
}

/** The address of a site path in a language: no prefix for the site's own language; '/' becomes `/es`. */
export function pathIn(page: Pick<PageLanguage, 'site'>, language: Pick<Language, 'code'>, path: string): string {
  if (language.code === page.site.code) return path;
  return path === '/' ? `/${language.code}` : `/${language.code}${path}`;
}
