import { readItems, type FeedBody, type FeedContext } from './context.js';
import { NS } from './namespaces.js';
import { readRssItem } from './rss-item.js';
import { htmlToText } from './text.js';
import { FeedParseError } from './types.js';
import { absoluteHttpUrl } from './urls.js';
import { childNamed, childText, descendantsNamed, textOf, xmlBase, xmlLang } from './xml-query.js';
import type { XmlElement } from './xml-tree.js';

/** The channel-level details RSS 2.0 and RSS 1.0 share. */
export function readChannel(channel: XmlElement, context: FeedContext): Pick<FeedBody, 'title' | 'homepageUrl' | 'language'> {
  const core = channel.ns;
  const link = childNamed(channel, core, 'link');
  return {
    title: htmlToText(textOf(childNamed(channel, core, 'title'))),
    homepageUrl: link ? absoluteHttpUrl(textOf(link), xmlBase(link, context.feedUrl) ?? context.feedUrl, context.warnings) : null,
    language: childText(channel, core, 'language') ?? childText(channel, NS.dc, 'language') ?? xmlLang(channel),
  };
}

/** Reads an RSS 2.0 document (also 0.91 and 0.92) from its <rss> root. */
export function readRss(root: XmlElement, context: FeedContext): FeedBody {
  const core = root.ns;
  const channel = childNamed(root, core, 'channel');
  // Some feeds put their items beside the channel instead of in it; they are still the feed's items.
  const entries = descendantsNamed(root, core, 'item');
  if (!channel && !entries.length) {
    throw new FeedParseError('malformed', 'The RSS feed has no <channel>: it may have been cut off');
  }
  const details = channel ? readChannel(channel, context) : { title: '', homepageUrl: null, language: null };
  return {
    format: 'rss2',
    ...details,
    items: readItems(entries, (item) => readRssItem(item, core, details.language, context), context),
  };
}
