import type { Messages } from '../../i18n/messages.js';
import type { PageMeta } from '../views/chrome.js';

/** The feed formats a list offers, by the file name that follows the list's path. */
export const feedFormats = {
  'feed.xml': { type: 'application/rss+xml', name: 'RSS' },
  'atom.xml': { type: 'application/atom+xml', name: 'Atom' },
  'feed.json': { type: 'application/feed+json', name: 'JSON Feed' },
} as const;

export type FeedFile = keyof typeof feedFormats;

/** Autodiscovery links for a list page (`basePath` '' is the front page): one per format. */
export function feedLinks(basePath: string, title: string, messages: Messages): NonNullable<PageMeta['feeds']> {
  return (Object.keys(feedFormats) as FeedFile[]).map((file) => ({
    title: messages.t('feed.linkTitle', { title, format: feedFormats[file].name }),
    href: `${basePath}/${file}`,
    type: feedFormats[file].type,
  }));
}
