/** Shape of the demo newsroom's hand-written content; `seed` turns it into rows. */

export interface DemoArticle {
  slug: string;
  kicker: string;
  title: string;
  dek: string;
  /** Author slugs, first is the lead byline. */
  authors: string[];
  regions: string[];
  themes: string[];
  dossier?: string;
  /** Set for pieces cross-posted from a partner outlet. */
  source?: { slug: string; originalUrl: string };
  /** Publication time relative to the moment the demo is seeded. */
  daysAgo: number;
  hour: number;
  image: { alt: string; caption: string; credit: string };
  /** Article body: <p>, <h2>, <blockquote>, <ul>/<li>, <a href>, <em>, <strong> only. */
  body: string;
  newsletterPick?: boolean;
}
