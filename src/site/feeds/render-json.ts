import { Feed } from 'feed';
import type { FeedModel } from './feed-model.js';

/**
 * JSON Feed 1.1. The `feed` package writes version 1 (one `author`, no `language`), so its output is
 * brought up to 1.1 here: `authors` arrays, the language, and a summary only where there is one.
 */
export function renderJsonFeed(model: FeedModel): string {
  const feed = new Feed({
    id: model.homeUrl,
    title: model.title,
    description: model.description,
    link: model.homeUrl,
    feedLinks: { json: model.self.json },
    copyright: model.copyright,
  });
  for (const entry of model.entries) {
    feed.addItem({
      id: entry.id,
      title: entry.title,
      link: entry.url,
      date: entry.updated,
      published: entry.published,
      content: entry.contentHtml,
      ...(entry.image ? { image: entry.image.url } : {}),
      category: entry.categories.map((c) => ({ name: c.name })),
    });
  }
  const written = JSON.parse(feed.json1()) as Record<string, unknown> & { items: Record<string, unknown>[] };
  const items = written.items.map((item, i) => {
    const entry = model.entries[i]!;
    const { author: _old, summary: _none, ...rest } = item;
    return {
      ...rest,
      ...(entry.summary ? { summary: entry.summary } : {}),
      authors: entry.authors.map((a) => ({ name: a.name, url: a.url })),
    };
  });
  return JSON.stringify({ ...written, version: 'https://jsonfeed.org/version/1.1', language: model.language, items });
}
