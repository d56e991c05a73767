import type { Clock } from '../clock.js';
import type { ContentService } from '../content/index.js';
import type { Chrome } from './views/chrome.js';
import type { DateContext } from './views/format.js';
import { yearOf } from './views/format.js';

/** Gathers what every page's frame needs: settings, section menus, asset URLs and the date context. */
export function createChromeLoader(deps: { content: ContentService; clock: Clock; siteUrl: string; stylesheetUrl: string; shareScriptUrl?: string | undefined }) {
  return async (): Promise<{ chrome: Chrome; dates: DateContext }> => {
    const [settings, terms] = await Promise.all([deps.content.settings.get(), deps.content.directory.listTerms()]);
    const dates = { locale: settings.language, timeZone: settings.timeZone };
    return {
      dates,
      chrome: {
        settings,
        siteUrl: deps.siteUrl,
        regions: terms.filter((t) => t.kind === 'region'),
        themes: terms.filter((t) => t.kind === 'theme'),
        dossiers: terms.filter((t) => t.kind === 'dossier'),
        stylesheetUrl: deps.stylesheetUrl,
        shareScriptUrl: deps.shareScriptUrl,
        year: yearOf(deps.clock.now().toISOString(), dates),
      },
    };
  };
}

export type ChromeLoader = ReturnType<typeof createChromeLoader>;
