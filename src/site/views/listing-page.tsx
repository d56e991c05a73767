import type { ComponentChildren } from 'preact';
import type { ArticleSummary, Page } from '../../content/index.js';
import { ArticleList, Pagination } from './article-list.js';
import type { DateContext } from './format.js';
import { useMessages } from './page-context.js';

/**
 * A paged list of articles under a heading: the page of an author, a region, a theme, a dossier,
 * a partner source or an archive month.
 */
export function ListingPage(props: {
  heading: ComponentChildren;
  intro?: ComponentChildren;
  page: Page<ArticleSummary>;
  basePath: string;
  dates: DateContext;
}) {
  const messages = useMessages();
  return (
    <>
      <header class="listing-head">
        <h1>{props.heading}</h1>
        {props.intro}
      </header>
      {props.page.items.length === 0 ? (
        <p>{messages.t('listing.empty')}</p>
      ) : (
        <ArticleList articles={props.page.items} dates={props.dates} level={2} />
      )}
      <Pagination page={props.page} basePath={props.basePath} />
    </>
  );
}
