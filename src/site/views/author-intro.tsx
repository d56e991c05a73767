import type { Author } from '../../content/index.js';
import { useMessages } from './page-context.js';

/** The top of an author's page: portrait, biography and the author's own links. */
export function AuthorIntro({ author }: { author: Author }) {
  const messages = useMessages();
  return (
    <div class="author-intro">
      {author.avatarUrl && <img class="avatar" src={author.avatarUrl} alt="" width={96} height={96} />}
      {author.bio && <p class="intro">{author.bio}</p>}
      {author.links.length > 0 && (
        <ul class="author-links" aria-label={messages.t('author.elsewhere', { name: author.name })}>
          {author.links.map((l) => (
            <li key={l.url}>
              <a href={l.url} rel="me noopener">{l.label}</a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
