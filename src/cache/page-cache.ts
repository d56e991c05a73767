import { gzipSync } from 'node:zlib';

/** A finished response kept for reuse: its headers, its body and, once asked for, its gzip form. */
export interface CachedResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  etag: string;
  keys: string[];
  gzipped?: Buffer;
  /** What a signed-out reader sees (a members-only article's teaser): never served to a signed-in one. */
  anonymousOnly?: boolean;
}

/**
 * An in-process cache of rendered responses, keyed by URL, bounded by bytes (least recently used
 * goes first), and purged by surrogate key: each entry lists the keys of what it shows.
 */
export class PageCache {
  private readonly entries = new Map<string, CachedResponse>();
  private readonly byKey = new Map<string, Set<string>>();
  private bytes = 0;

  constructor(readonly maxBytes: number) {}

  get enabled(): boolean {
    return this.maxBytes > 0;
  }

  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  get(url: string): CachedResponse | undefined {
    const entry = this.entries.get(url);
    if (entry) {
      // Re-inserting marks it most recently used; Map keeps insertion order.
      this.entries.delete(url);
      this.entries.set(url, entry);
    }
    return entry;
  }

  set(url: string, entry: CachedResponse): void {
    // Whatever happens next, an older copy of this URL is stale now.
    this.delete(url);
    const cost = weigh(entry);
    if (!this.enabled || cost > this.maxBytes / 4) return;
    this.entries.set(url, entry);
    this.bytes += cost;
    for (const key of entry.keys) {
      let urls = this.byKey.get(key);
      if (!urls) this.byKey.set(key, (urls = new Set()));
      urls.add(url);
    }
    this.evictOverflow();
  }

  private evictOverflow() {
    while (this.bytes > this.maxBytes) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.delete(oldest);
    }
  }

  /** The gzip form of an entry, made on first request and then kept (and counted) with it. */
  gzipped(url: string, entry: CachedResponse): Buffer {
    if (!entry.gzipped) {
      entry.gzipped = gzipSync(entry.body, { level: 6 });
      if (this.entries.get(url) === entry) {
        this.bytes += entry.gzipped.length;
        this.evictOverflow();
      }
    }
    return entry.gzipped;
  }

  /** Drops every entry tagged with any of the keys; the key `all` empties the cache. */
  purge(keys: readonly string[]): number {
    let dropped = 0;
    for (const key of keys) {
      if (key === 'all') {
        dropped += this.entries.size;
        this.entries.clear();
        this.byKey.clear();
        this.bytes = 0;
        return dropped;
      }
      for (const url of this.byKey.get(key) ?? []) {
        if (this.delete(url)) dropped++;
      }
    }
    return dropped;
  }

  private delete(url: string): boolean {
    const entry = this.entries.get(url);
    if (!entry) return false;
    this.entries.delete(url);
    this.bytes -= weigh(entry) + (entry.gzipped?.length ?? 0);
    for (const key of entry.keys) {
      const urls = this.byKey.get(key);
      urls?.delete(url);
      if (urls?.size === 0) this.byKey.delete(key);
    }
    return true;
  }
}

function weigh(entry: CachedResponse): number {
  // The body dominates; headers and keys are counted as stored, plus an allowance per object and index entry.
  let bytes = entry.body.length + 1024;
  for (const [name, value] of Object.entries(entry.headers)) bytes += name.length + value.length + 32;
  for (const key of entry.keys) bytes += key.length * 2 + 96;
  return bytes;
}
