import { useLocalPath, useMessages } from '../../site/views/page-context.js';
import { signInPath } from '../account-routes.js';

/** Why a reader sees only the opening of an article, and what gets them the rest. */
export interface Gate {
  visibility: 'members' | 'paid';
  signedIn: boolean;
}

/**
 * Shown after a members-only or paid article's teaser: join (free, for members-only pieces) or
 * support, and sign in for readers who are members already but signed out.
 */
export function JoinPrompt({ gate, articlePath }: { gate: Gate; articlePath: string }) {
  const messages = useMessages();
  const local = useLocalPath();
  const paid = gate.visibility === 'paid';
  return (
    <aside class="join-prompt" aria-labelledby="join-prompt-heading">
      <h2 id="join-prompt-heading">{messages.t(paid ? 'gate.paidHeading' : 'gate.membersHeading')}</h2>
      <p>{messages.t(paid ? 'gate.paidText' : 'gate.membersText')}</p>
      <p>
        <a class="button" href={local('/membership')}>
          {messages.t(paid ? 'gate.support' : 'gate.join')}
        </a>
      </p>
      {!gate.signedIn && (
        <p>
          <a href={local(signInPath(local(articlePath)))}>{messages.t('gate.signIn')}</a>
        </p>
      )}
    </aside>
  );
}
