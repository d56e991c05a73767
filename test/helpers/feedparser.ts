import { execFile, execFileSync } from 'node:child_process';

/**
 * Debian's python3-feedparser, the parser many readers are built on, as an independent judge of our
 * feeds. Debian's own interpreter is named, so a python on PATH without the module is not used.
 */
const PYTHON = '/usr/bin/python3';

const script = String.raw`
import json, sys, feedparser
d = feedparser.parse(sys.stdin.buffer.read())
def detail(x):
    return {'type': x.get('type'), 'value': x.get('value')} if x else None
out = {
  'bozo': int(d.bozo),
  'bozo_exception': str(d.get('bozo_exception', '')),
  'version': d.version,
  'feed': {'title': d.feed.get('title'), 'links': [dict(l) for l in d.feed.get('links', [])], 'language': d.feed.get('language')},
  'entries': [{
    'id': e.get('id'), 'link': e.get('link'),
    'title': e.get('title'), 'title_type': (e.get('title_detail') or {}).get('type'),
    'published': e.get('published'), 'updated': e.get('updated'),
    'authors': [a.get('name') for a in e.get('authors', [])],
    'tags': [{'term': t.get('term'), 'label': t.get('label'), 'scheme': t.get('scheme')} for t in e.get('tags', [])],
    'enclosures': [{'href': x.get('href'), 'type': x.get('type')} for x in e.get('enclosures', [])],
    'summary': detail(e.get('summary_detail')),
    'content': [detail(c) for c in e.get('content', [])],
  } for e in d.entries],
}
print(json.dumps(out))
`;

export interface ParsedEntry {
  id: string | null;
  link: string | null;
  title: string | null;
  title_type: string | null;
  published: string | null;
  updated: string | null;
  authors: string[];
  tags: { term: string | null; label: string | null; scheme: string | null }[];
  enclosures: { href: string; type: string }[];
  summary: { type: string; value: string } | null;
  content: { type: string; value: string }[];
}

export interface ParsedFeed {
  bozo: number;
  bozo_exception: string;
  version: string;
  feed: { title: string | null; links: { rel: string; href: string; type?: string }[]; language: string | null };
  entries: ParsedEntry[];
}

function probe(): string | undefined {
  try {
    execFileSync(PYTHON, ['-c', 'import feedparser'], { stdio: 'ignore' });
    return undefined;
  } catch {
    return `${PYTHON} with python3-feedparser is not installed (apt-get install -y python3-feedparser)`;
  }
}

/** Why feedparser cannot be used here (its tests are then skipped), or undefined when it can. */
export const feedparserMissing = probe();
if (feedparserMissing && process.env.BROADSHEET_TEST_REQUIRE_ALL === '1') {
  throw new Error(`${feedparserMissing}; BROADSHEET_TEST_REQUIRE_ALL=1 forbids skipping its tests`);
}
if (feedparserMissing) console.log(`# skipping feedparser checks: ${feedparserMissing}`);

/** Parses a feed's bytes with feedparser. */
export function parseFeed(body: string): Promise<ParsedFeed> {
  return new Promise((resolve, reject) => {
    const child = execFile(PYTHON, ['-c', script], { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`feedparser failed: ${stderr || error.message}`));
      else resolve(JSON.parse(stdout) as ParsedFeed);
    });
    child.stdin!.end(body);
  });
}
