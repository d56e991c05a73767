import type { FastifyRequest } from 'fastify';
import type { Clock } from '../clock.js';
import type { ContentService } from '../content/index.js';
import type { Catalogs } from '../i18n/catalogs.js';
import type { PageLanguageOf } from './page-language.js';
import type { Chrome } from './views/chrome.js';
import type { DateContext } from './views/format.js';
import { yearOf } from './views/format.js';

/**
 * Gathers what every page's frame needs: settings (the boilerplate ones in the page's language),
 * section menus, asset URLs, the page's language (from the request's `/{lang}/` prefix; the site's
 * own without a request), its interface strings and the date context.
 */
export function createChromeLoader(deps: {
  content: ContentService;
  clock: Clock;
  siteUrl: string;
  stylesheetUrl: string;
  shareScriptUrl?: string | undefined;
  pageLanguageOf: PageLanguageOf;
  catalogs: Pick<Catalogs, 'messagesFor' | 'boilerplateFor'>;
}) {
  return async (request?: FastifyRequest): Promise<{ chrome: Chrome; dates: DateContext }> => {
    const [settings, terms, page] = await Promise.all([deps.content.settings.get(), deps.content.directory.listTerms(), deps.pageLanguageOf(request)]);
    const [messages, boilerplate] = await Promise.all([deps.catalogs.messagesFor(page.language.code), deps.catalogs.boilerplateFor(page.language.code)]);
    const dates = { locale: page.language.code, timeZone: settings.timeZone };
    return {
      dates,
      chrome: {
        settings: { ...settings, ...boilerplate },
        messages,
        siteUrl: deps.siteUrl,
        regions: terms.filter((t) => t.kind === 'region'),
        themes: terms.filter((t) => t.kind === 'theme'),
        dossiers: terms.filter((t) => t.kind === 'dossier'),
        stylesheetUrl: deps.stylesheetUrl,
        shareScriptUrl: deps.shareScriptUrl,
        year: yearOf(deps.clock.now().toISOString(), dates),
        page,
      },
    };
  };
}

export type ChromeLoader = ReturnType<typeof createChromeLoader>;
