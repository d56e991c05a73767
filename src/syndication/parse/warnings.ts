/** Kinds of problem that can repeat once per item, so they are counted rather than listed one by one. */
export type RepeatedProblem = 'skipped' | 'not_an_object' | 'untitled' | 'bad_date' | 'bad_link' | 'duplicate_guid';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const example = (text: string | undefined) => (text === undefined ? '' : ` (for example "${text.slice(0, 80)}")`);

const describe: Record<RepeatedProblem, (n: number, sample: string | undefined) => string> = {
  skipped: (n) => `${plural(n, 'item had', 'items had')} no title, link or content and ${n === 1 ? 'was' : 'were'} skipped`,
  not_an_object: (n) => `${plural(n, 'item was', 'items were')} not a JSON object and ${n === 1 ? 'was' : 'were'} skipped`,
  untitled: (n) => `${plural(n, 'item had', 'items had')} no title; the first words of the text were used instead`,
  bad_date: (n, s) => `${plural(n, 'date', 'dates')} could not be read and ${n === 1 ? 'was' : 'were'} left empty${example(s)}`,
  bad_link: (n, s) => `${plural(n, 'address was', 'addresses were')} not a usable http(s) link and ${n === 1 ? 'was' : 'were'} dropped${example(s)}`,
  duplicate_guid: (n, s) => `${plural(n, 'item repeats', 'items repeat')} the GUID of an earlier item${example(s)}`,
};

/**
 * Collects what the parser skipped or guessed. Per-item problems are counted so a feed of 10,000
 * broken dates gives one line on the status page, not 10,000.
 */
export class WarningLog {
  private readonly notes: string[] = [];
  private readonly counts = new Map<RepeatedProblem, { count: number; sample: string | undefined }>();

  /** Records a one-off warning, already in plain words. */
  note(message: string): void {
    this.notes.push(message);
  }

  /** Counts one more occurrence of a repeated problem, keeping the first sample to quote. */
  count(problem: RepeatedProblem, sample?: string): void {
    const entry = this.counts.get(problem);
    if (entry) entry.count += 1;
    else this.counts.set(problem, { count: 1, sample });
  }

  /** The warnings as sentences: one-off notes first, then one line per kind of repeated problem. */
  list(): string[] {
    return [...this.notes, ...[...this.counts].map(([problem, { count, sample }]) => describe[problem](count, sample))];
  }
}
