import type { Revision } from '../../content/editorial-reader.js';
import { diffWords, wordsOf, type DiffPart } from '../text-diff.js';

/** An article's revisions, newest first, each with what it changed and a button to restore it. */
export function RevisionsPage({ articleId, title, revisions, csrfToken }: { articleId: number; title: string; revisions: Revision[]; csrfToken: string }) {
  return (
    <>
      <h1>Revisions of “{title}”</h1>
      <p>
        <a href={`/admin/articles/${articleId}`}>Back to the article</a>
      </p>
      <ol class="revisions">
        {revisions.map((rev, i) => {
          const previous = revisions[i + 1];
          return (
            <li key={rev.id}>
              <h2>
                <time datetime={rev.createdAt}>{rev.createdAt.slice(0, 19).replace('T', ' ')} UTC</time> by {rev.actor ?? 'the system'} ·{' '}
                {rev.snapshot.status}
              </h2>
              {previous ? (
                <details>
                  <summary>What changed</summary>
                  <Diff label="Headline" parts={diffWords(wordsOf(previous.snapshot.title), wordsOf(rev.snapshot.title))} />
                  <Diff label="Standfirst" parts={diffWords(wordsOf(previous.snapshot.dek), wordsOf(rev.snapshot.dek))} />
                  <Diff label="Body" parts={diffWords(wordsOf(previous.snapshot.bodyHtml), wordsOf(rev.snapshot.bodyHtml))} />
                </details>
              ) : (
                <p>First version.</p>
              )}
              {i > 0 && (
                <form method="post" action={`/admin/articles/${articleId}/revisions/${rev.id}/restore`}>
                  <input type="hidden" name="_csrf" value={csrfToken} />
                  <button type="submit">Restore this version</button>
                </form>
              )}
            </li>
          );
        })}
      </ol>
    </>
  );
}

/** One field's word-level changes under its label; nothing when it did not change. */
export function Diff({ label, parts }: { label: string; parts: DiffPart[] }) {
  if (parts.every((p) => p.kind === 'same')) return null;
  return (
    <div class="diff">
      <h3>{label}</h3>
      <p>
        {parts.map((p, k) =>
          p.kind === 'same' ? <span key={k}>{p.text} </span> : p.kind === 'added' ? <ins key={k}>{p.text} </ins> : <del key={k}>{p.text} </del>,
        )}
      </p>
    </div>
  );
}
