import type { Author, Source, Term } from '../../content/index.js';
import type { SearchResults } from '../../search/index.js';
import { ArticleMeta } from './article-list.js';
import type { DateContext } from './format.js';

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
  return (
    <>
      <header class="listing-head">
        <h1>Search</h1>
      </header>
      <SearchForm echo={echo} choices={choices} />
      {results === null ? (
        <p>Type one or more words to search every article.</p>
      ) : results.items.length === 0 ? (
        <p role="status">No articles match {results.words.length ? <q>{results.words.join(' ')}</q> : 'that search'}. Try fewer or other words, or fewer filters.</p>
      ) : (
        <>
          <p role="status">
            {results.total === 1 ? '1 article' : `${results.total} articles`} match <q>{results.words.join(' ')}</q>.
          </p>
          <ol class="search-results">
            {results.items.map(({ article, snippetHtml }) => (
              <li key={article.id} class="card">
                <h2 class="card-title">
                  <a href={`/articles/${article.slug}`}>{article.title}</a>
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
  const select = (name: keyof SearchEcho, label: string, options: { slug: string; name: string }[]) => (
    <p>
      <label for={`search-${name}`}>{label}</label>
      <select id={`search-${name}`} name={name}>
        <option value="">Any</option>
        {options.map((o) => (
          <option key={o.slug} value={o.slug} selected={echo[name] === o.slug}>
            {o.name}
          </option>
        ))}
      </select>
    </p>
  );
  return (
    <form class="search-form" action="/search" method="get" role="search" aria-label="Search and filter">
      <p>
        <label for="search-q">Words to find</label>
        <input id="search-q" type="search" name="q" value={echo.q} maxLength={200} />
      </p>
      <fieldset>
        <legend>Narrow it down</legend>
        {select('region', 'Region', choices.regions)}
        {select('theme', 'Theme', choices.themes)}
        {select('author', 'Author', choices.authors)}
        {select('source', 'Partner source', choices.sources)}
        <p>
          <label for="search-from">From</label>
          <input id="search-from" type="date" name="from" value={echo.from ?? ''} />
        </p>
        <p>
          <label for="search-to">To</label>
          <input id="search-to" type="date" name="to" value={echo.to ?? ''} />
        </p>
      </fieldset>
      <p>
        <button type="submit">Search</button>
      </p>
    </form>
  );
}

function SearchPagination({ echo, results }: { echo: SearchEcho; results: SearchResults }) {
  if (results.totalPages <= 1) return null;
  return (
    <nav class="pagination" aria-label="Pages">
      {results.page > 1 && <a rel="prev" href={searchHref(echo, results.page - 1)}>← Better matches</a>}
      <span>
        Page {results.page} of {results.totalPages}
      </span>
      {results.page < results.totalPages && <a rel="next" href={searchHref(echo, results.page + 1)}>More results →</a>}
    </nav>
  );
}
