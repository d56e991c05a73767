import { monthName } from './format.js';
import { useLocalPath, useMessages } from './page-context.js';

/** Every month that has articles, newest first, each linking to its archive page. */
export function ArchiveIndex({ months, locale }: { months: { month: string; count: number }[]; locale: string }) {
  const local = useLocalPath();
  const messages = useMessages();
  return (
    <>
      <h1>{messages.t('archive.heading')}</h1>
      {months.length === 0 ? (
        <p>{messages.t('archive.empty')}</p>
      ) : (
        <ul class="months">
          {months.map((m) => (
            <li key={m.month}>
              {messages.parts('archive.month', {
                month: <a href={local(`/archive/${m.month.replace('-', '/')}`)}>{monthName(m.month, locale)}</a>,
                count: m.count,
              })}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
