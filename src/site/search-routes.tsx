import type { FastifyInstance } from 'fastify';
import { surrogateKeys, type ContentService } from '../content/index.js';
import { parseInput } from '../parse-input.js';
import type { SearchService } from '../search/index.js';
import { resolveFilter, searchPageQuery } from '../search/inputs.js';
import type { ChromeLoader } from './chrome-loader.js';
import { localizedRoute } from './page-language.js';
import { renderDocument } from './render.js';
import { SearchPage, searchHref, type SearchEcho } from './views/search-page.js';

/** GET /search: the search form and its results, readable without JavaScript and cacheable like any list. */
export function registerSearchPage(app: FastifyInstance, deps: { search: SearchService; content: ContentService; loadChrome: ChromeLoader }) {
  const { directory } = deps.content;

  app.get('/search', localizedRoute, async (request, reply) => {
    const p = parseInput(searchPageQuery, request.query);
    const filter = await resolveFilter(directory, p);
    const [{ chrome, dates }, authors, sources] = await Promise.all([deps.loadChrome(request), directory.listAuthors(), directory.listSources()]);
    const results = p.q.trim() ? await deps.search.search({ text: p.q, filter, page: p.page }) : null;
    const { page: _page, ...echo } = p;
    const shown: SearchEcho = { ...echo, q: p.q.slice(0, 200) };
    const { messages } = chrome;
    const meta = {
      title: results ? messages.t('search.resultsTitle', { query: shown.q }) : messages.t('search.heading'),
      description: messages.t('search.description', { siteName: chrome.settings.siteName }),
      canonical: results ? searchHref(shown, p.page) : '/search',
      // Result pages are endless variations of the same articles: not worth an index.
      noindex: results !== null,
    };
    reply.surrogateKeys = [surrogateKeys.articleLists];
    const choices = { regions: chrome.regions, themes: chrome.themes, authors, sources };
    return reply.type('text/html; charset=utf-8').send(renderDocument(chrome, meta, <SearchPage echo={shown} results={results} choices={choices} dates={dates} />));
  });
}
