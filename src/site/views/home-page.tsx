import type { ArticleSummary, Term } from '../../content/index.js';
import { ArticleCard, ArticleList } from './article-list.js';
import type { DateContext } from './format.js';
import { useLocalPath, useMessages } from './page-context.js';

export interface SectionBlock {
  term: Term;
  path: string;
  articles: ArticleSummary[];
}

export interface HomeData {
  lead: ArticleSummary | undefined;
  latest: ArticleSummary[];
  regions: SectionBlock[];
  themes: SectionBlock[];
  dossiers: SectionBlock[];
}

/** The front page: the lead story, the latest, then a block per region, theme and dossier. */
export function HomePage({ home, dates, siteName }: { home: HomeData; dates: DateContext; siteName: string }) {
  const messages = useMessages();
  return (
    <>
      <h1 class="visually-hidden">{siteName}</h1>
      {home.lead ? (
        <section class="lead" aria-label={messages.t('home.leadStory')}>
          <ArticleCard article={home.lead} dates={dates} level={2} />
        </section>
      ) : (
        <p>{messages.t('home.nothingPublished')}</p>
      )}
      {home.latest.length > 0 && (
        <section aria-labelledby="latest">
          <h2 id="latest">{messages.t('home.latest')}</h2>
          <ArticleList articles={home.latest} dates={dates} />
        </section>
      )}
      {home.dossiers.length > 0 && <Blocks title={messages.t('home.dossiers')} blocks={home.dossiers} dates={dates} />}
      <Blocks title={messages.t('home.regions')} blocks={home.regions} dates={dates} />
      <Blocks title={messages.t('home.themes')} blocks={home.themes} dates={dates} />
    </>
  );
}

function Blocks({ title, blocks, dates }: { title: string; blocks: SectionBlock[]; dates: DateContext }) {
  const local = useLocalPath();
  const shown = blocks.filter((b) => b.articles.length > 0);
  if (shown.length === 0) return null;
  return (
    <section class="blocks" aria-label={title}>
      {shown.map((b) => (
        <section key={b.term.id} class="block" aria-labelledby={`block-${b.term.kind}-${b.term.slug}`}>
          <h2 id={`block-${b.term.kind}-${b.term.slug}`}>
            <a href={local(b.path)}>{b.term.name}</a>
          </h2>
          <ul class="headlines">
            {b.articles.map((a) => (
              <li key={a.id}>
                <a href={local(`/articles/${a.slug}`)}>{a.title}</a>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
