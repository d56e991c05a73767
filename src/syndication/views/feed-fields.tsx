import type { Author, Term } from '../../content/index.js';
import { FieldError, invalidIf, SlugSelect, type FormProblem } from './parts.js';

/** What the feed settings' selects offer. */
export interface FeedChoices {
  authors: Author[];
  regions: Term[];
  themes: Term[];
}

/** The names of the feed settings' fields, as the form sends them. */
export const FEED_FIELDS = ['feedUrl', 'pollMinutes', 'mode', 'defaultAuthor', 'defaultRegion', 'defaultTheme', 'fetchFullText', 'active'] as const;

/** A feed's settings as form text; a ticked checkbox reads '1'. */
export type FeedFormValues = Partial<Record<(typeof FEED_FIELDS)[number], string>>;

/** The settings of one partner feed, shared by the "add a feed" form and the feed's own page. */
export function FeedFields({ values, choices, problem }: { values: FeedFormValues; choices: FeedChoices; problem: FormProblem | undefined }) {
  return (
    <>
      <label for="feedUrl">Feed address (RSS, Atom, JSON Feed or ninjs)</label>
      <input id="feedUrl" name="feedUrl" type="url" required maxLength={2000} value={values.feedUrl ?? ''} {...invalidIf(problem, 'feedUrl')} />
      <FieldError problem={problem} name="feedUrl" />
      <label for="pollMinutes">Poll every (minutes, 5 to 10080)</label>
      <input id="pollMinutes" name="pollMinutes" type="number" min={5} max={10_080} required value={values.pollMinutes ?? '60'} {...invalidIf(problem, 'pollMinutes')} />
      <FieldError problem={problem} name="pollMinutes" />
      <label for="mode">New items</label>
      <select id="mode" name="mode" {...invalidIf(problem, 'mode')}>
        <option value="review" selected={values.mode !== 'auto'}>Wait in the review queue</option>
        <option value="auto" selected={values.mode === 'auto'}>Publish at once (needs a default author)</option>
      </select>
      <FieldError problem={problem} name="mode" />
      <SlugSelect name="defaultAuthor" label="Default author (the byline of auto-published items)" options={choices.authors} chosen={values.defaultAuthor ?? ''} none="None" problem={problem} />
      <SlugSelect name="defaultRegion" label="Default region" options={choices.regions} chosen={values.defaultRegion ?? ''} none="None" problem={problem} />
      <SlugSelect name="defaultTheme" label="Default theme" options={choices.themes} chosen={values.defaultTheme ?? ''} none="None" problem={problem} />
      <label>
        <input type="checkbox" name="fetchFullText" value="1" checked={values.fetchFullText === '1'} /> Fetch the full article from the partner’s page when the feed has only a summary
      </label>
      <label>
        <input type="checkbox" name="active" value="1" checked={values.active === '1'} /> Active (polled on schedule)
      </label>
    </>
  );
}
