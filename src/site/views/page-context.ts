import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { createMessages, type Messages } from '../../i18n/messages.js';
import { pathIn, type PageLanguage } from '../page-language.js';

/** What views deep in the tree need of the page: its language (for links) and its interface strings. */
export interface PageFrame {
  page: PageLanguage;
  messages: Messages;
}

export const PageContext = createContext<PageFrame | null>(null);

const english = createMessages('en', {});

/** Maps a site path to its address in the page's language (`/articles/x` → `/es/articles/x`). */
export function useLocalPath(): (path: string) => string {
  const frame = useContext(PageContext);
  return (path) => (frame ? pathIn(frame.page, frame.page.language, path) : path);
}

/** The language the page is in, when rendered inside the site's frame. */
export const usePageLanguage = () => useContext(PageContext)?.page ?? null;

/** The page's interface strings (English outside the site's frame). */
export const useMessages = (): Messages => useContext(PageContext)?.messages ?? english;
