import { readItems, type FeedBody, type FeedContext } from './context.js';
import { readChannel } from './rss.js';
import { readRssItem } from './rss-item.js';
import { FeedParseError } from './types.js';
import { descendantsNamed } from './xml-query.js';
import type { XmlElement } from './xml-tree.js';

/**
 * Reads an RSS 1.0 (or 0.90) document from its <rdf:RDF> root. Items sit beside the channel; the
 * channel's namespace (RSS 1.0's, 0.90's, or whatever the feed used) is the items' namespace too.
 */
export function readRdf(root: XmlElement, context: FeedContext): FeedBody {
  const channel = root.children.find((node): node is XmlElement => typeof node !== 'string' && node.local === 'channel');
  if (!channel) throw new FeedParseError('malformed', 'The RSS 1.0 feed has no <channel>: it may have been cut off');
  const core = channel.ns;
  const details = readChannel(channel, context);
  return {
    format: 'rss1',
    ...details,
    items: readItems(descendantsNamed(root, core, 'item'), (item) => readRssItem(item, core, details.language, context), context),
  };
}
