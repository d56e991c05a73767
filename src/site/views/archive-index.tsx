import { monthName } from './format.js';

/** Every month that has articles, newest first, each linking to its archive page. */
export function ArchiveIndex({ months, locale }: { months: { month: string; count: number }[]; locale: string }) {
  return (
    <>
      <h1>Archive</h1>
      {months.length === 0 ? (
        <p>Nothing has been published yet.</p>
      ) : (
        <ul class="months">
          {months.map((m) => (
            <li key={m.month}>
              <a href={`/archive/${m.month.replace('-', '/')}`}>{monthName(m.month, locale)}</a> ({m.count})
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
