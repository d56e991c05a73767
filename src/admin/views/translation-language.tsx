import type { TranslationStatus } from '../../db/schema.js';
import { languageOfTag } from '../../translation/languages.js';

/** `lang` and `dir` for text in this language; the browser works out the direction of a language we do not know. */
export const textIn = (tag: string) => ({ lang: tag, dir: languageOfTag(tag)?.direction ?? ('auto' as const) });

/** A language by its own name (marked up in that language), with the English name for the staff. */
export function LanguageName({ tag }: { tag: string }) {
  const language = languageOfTag(tag);
  if (!language) return <code>{tag}</code>;
  return (
    <>
      <span {...textIn(tag)}>{language.nativeName}</span>
      {language.nativeName !== language.englishName && ` (${language.englishName})`}
    </>
  );
}

export const statusLabel: Record<TranslationStatus, string> = {
  machine: 'Machine translation',
  reviewed: 'Reviewed',
  stale: 'Stale: the original changed',
};

/** A stored time as the newsroom lists show it, in UTC. */
export function When({ at }: { at: string | null }) {
  if (!at) return <>—</>;
  return <time datetime={at}>{at.slice(0, 16).replace('T', ' ')} UTC</time>;
}
