import type { FastifyRequest } from 'fastify';
import type { Clock } from '../clock.js';
import type { ContentService } from '../content/index.js';
import type { Catalogs, LocalTerms } from '../i18n/catalogs.js';
import type { PageLanguageOf } from './page-language.js';
import type { Chrome } from './views/chrome.js';
import type { DateContext } from './views/format.js';
import { yearOf } from './views/format.js';

/**
 * Gathers what every page's frame needs: settings (the boilerplate ones in the page's language),
 * section menus (named in the page's language), asset URLs, the page's language (from the request's
 * `/{lang}/` prefix; the site's own without a request), its interface strings and the date context;
 * and the terms in that language, for the page's own mentions of them.
 */
export function createChromeLoader(deps: {
  content: ContentService;
  clock: Clock;
  siteUrl: string;
  stylesheetUrl: string;
  shareScriptUrl?: string | undefined;
  pageLanguageOf: PageLanguageOf;
  catalogs: Pick<Catalogs, 'messagesFor' | 'boilerplateFor' | 'termsFor'>;
}) {
  return async (request?: FastifyRequest): Promise<{ chrome: Chrome; dates: DateContext; terms: LocalTerms }> => {
    const [settings, page] = await Promise.all([deps.content.settings.get(), deps.pageLanguageOf(request)]);
    const code = page.language.code;
    const [messages, boilerplate, terms] = await Promise.all([deps.catalogs.messagesFor(code), deps.catalogs.boilerplateFor(code), deps.catalogs.termsFor(code)]);
    const dates = { locale: code, timeZone: settings.timeZone };
    return {
      dates,
      terms,
      chrome: {
        settings: { ...settings, ...boilerplate },
        messages,
        siteUrl: deps.siteUrl,
        regions: terms.list.filter((t) => t.kind === 'region'),
        themes: terms.list.filter((t) => t.kind === 'theme'),
        dossiers: terms.list.filter((t) => t.kind === 'dossier'),
        stylesheetUrl: deps.stylesheetUrl,
        shareScriptUrl: deps.shareScriptUrl,
        year: yearOf(deps.clock.now().toISOString(), dates),
        page,
      },
    };
  };
}

export type ChromeLoader = ReturnType<typeof createChromeLoader>;
