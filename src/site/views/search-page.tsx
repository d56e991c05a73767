import type { Author, Source, Term } from '../../content/index.js';
import type { SearchResults } from '../../search/index.js';
import { ArticleMeta } from './article-list.js';
import type { DateContext } from './format.js';
import { useLocalPath, useMessages } from './page-context.js';

/** What the reader asked for, echoed back into the form and the paging links. */
export interface SearchEcho {
  q: string;
  region?: string;
  theme?: string;
  author?: string;
  source?: string;
  from?: string;
  to?: string;
}

/** The search URL for these parameters and page: empty ones are left out so links stay short. */
export function searchHref(echo: SearchEcho, page = 1): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(echo)) if (value) params.set(key, value);
  if (page > 1) params.set('page', String(page));
  return `/search?${params.toString()}`;
}

interface Choices {
  regions: Term[];
  themes: Term[];
  authors: Author[];
  sources: Source[];
}

/** The search page: the form with its filters, then the results, "no results", or nothing yet asked. */
export function SearchPage({ echo, results, choices, dates }: { echo: SearchEcho; results: SearchResults | null; choices: Choices; dates: DateContext }) {
  const local = useLocalPath();
  const messages = useMessages();
  const query = results?.words.length ? <q>{results.words.join(' ')}</q> : messages.t('search.thatSearch');
  return (
    <>
      <header class="listing-head">
        <h1>{messages.t('search.heading')}</h1>
      </header>
      <SearchForm echo={echo} choices={choices} />
      {results === null ? (
        <p>{messages.t('search.prompt')}</p>
      ) : results.items.length === 0 ? (
        <p role="status">{messages.parts('search.noMatch', { query })}</p>
      ) : (
        <>
          <p role="status">{messages.parts('search.resultCount', { count: results.total, query })}</p>
          <ol class="search-results">
            {results.items.map(({ article, snippetHtml }) => (
              <li key={article.id} class="card">
                <h2 class="card-title">
                  <a href={local(`/articles/${article.slug}`)}>{article.title}</a>
                </h2>
                {/* Built by search/snippet.ts: the text escaped first, then <mark> added around hits. */}
                {snippetHtml && <p class="snippet" dangerouslySetInnerHTML={{ __html: snippetHtml }} />}
                <ArticleMeta article={article} dates={dates} />
              </li>
            ))}
          </ol>
          <SearchPagination echo={echo} results={results} />
        </>
      )}
    </>
  );
}

function SearchForm({ echo, choices }: { echo: SearchEcho; choices: Choices }) {
  const local = useLocalPath();
  const messages = useMessages();
  const select = (name: keyof SearchEcho, label: string, options: { slug: string; name: string }[]) => (
    <p>
      <label for={`search-${name}`}>{label}</label>
      <select id={`search-${name}`} name={name}>
        <option value="">{messages.t('search.any')}</option>
        {options.map((o) => (
          <option key={o.slug} value={o.slug} selected={echo[name] === o.slug}>
            {o.name}
          </option>
        ))}
      </select>
    </p>
  );
  return (
    <form class="search-form" action={local('/search')} method="get" role="search" aria-label={messages.t('search.formLabel')}>
      <p>
        <label for="search-q">{messages.t('search.words')}</label>
        <input id="search-q" type="search" name="q" value={echo.q} maxLength={200} />
      </p>
      <fieldset>
        <legend>{messages.t('search.narrow')}</legend>
        {select('region', messages.t('search.region'), choices.regions)}
        {select('theme', messages.t('search.theme'), choices.themes)}
        {select('author', messages.t('search.author'), choices.authors)}
        {select('source', messages.t('search.source'), choices.sources)}
        <p>
          <label for="search-from">{messages.t('search.from')}</label>
          <input id="search-from" type="date" name="from" value={echo.from ?? ''} />
        </p>
        <p>
          <label for="search-to">{messages.t('search.to')}</label>
          <input id="search-to" type="date" name="to" value={echo.to ?? ''} />
        </p>
      </fieldset>
      <p>
        <button type="submit">{messages.t('search.submit')}</button>
      </p>
    </form>
  );
}

function SearchPagination({ echo, results }: { echo: SearchEcho; results: SearchResults }) {
  const local = useLocalPath();
  const messages = useMessages();
  if (results.totalPages <= 1) return null;
  return (
    <nav class="pagination" aria-label={messages.t('pagination.landmark')}>
      {results.page > 1 && <a rel="prev" href={local(searchHref(echo, results.page - 1))}>{messages.t('search.betterMatches')}</a>}
      <span>{messages.t('pagination.position', { page: results.page, total: results.totalPages })}</span>
      {results.page < results.totalPages && <a rel="next" href={local(searchHref(echo, results.page + 1))}>{messages.t('search.moreResults')}</a>}
    </nav>
  );
}
