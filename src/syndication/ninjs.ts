import type { Article, SiteSettings, Term } from '../content/index.js';
import { imageType } from '../site/feeds/text.js';
import { articleUrl, copyrightNotice, creditOf, offeredForRepublishing, standAloneBody } from './republish-snippet.js';

/** The IPTC ninjs version we write, and the schema a receiver can validate it against. */
export const NINJS_STANDARD = { name: 'ninjs', version: '2.1', schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json' } as const;

// IPTC's Content Production Party Role codes: receivers match roles by these URIs, not by our words.
const ROLE = 'http://cv.iptc.org/newscodes/contentprodpartyrole/';

interface Text {
  role: string;
  contenttype: string;
  value: string;
}

interface Rendition {
  name: string;
  href: string;
  contenttype: string;
  title?: string;
  width?: number;
}

interface Party {
  name: string;
  uri: string;
}

/** An article as an IPTC ninjs 2.1 news item: only properties that version defines. */
export interface NinjsDocument {
  uri: string;
  type: 'text';
  profile: 'text-only' | 'text-photo';
  version: string;
  standard: typeof NINJS_STANDARD;
  firstcreated: string;
  versioncreated: string;
  contentcreated: string;
  pubstatus: 'usable';
  language: string;
  slugline: string;
  title: string;
  headlines: Text[];
  descriptions: Text[];
  bodies: (Text & { wordcount: number })[];
  by: string;
  people: (Party & { rel: string })[];
  subjects: (Party & { rel: string })[];
  infosources: (Party & { role: string })[];
  copyrightholder: string;
  copyrightnotice: string;
  usageterms: string;
  renditions: Rendition[];
  associations: NinjsPicture[];
  altids: { role: string; value: string }[];
}

/** The featured image, associated as a ninjs picture with one rendition per size we hold. */
export interface NinjsPicture {
  name: 'featureimage';
  uri: string;
  type: 'picture';
  descriptions: Text[];
  by?: string;
  renditions: Rendition[];
}

const termPaths = { region: 'regions', theme: 'themes', dossier: 'dossiers' } as const;
const plain = (role: string, value: string): Text => ({ role, contenttype: 'text/plain', value });
const iso = (date: string) => new Date(date).toISOString();

/**
 * An article as an IPTC ninjs 2.1 document, every URL absolute. Pure. A piece that is not public
 * gets no body: members' text never leaves through a public format.
 */
export function articleToNinjs(article: Article, settings: SiteSettings, siteUrl: string): NinjsDocument {
  const page = articleUrl(siteUrl, article.slug);
  const credit = creditOf(article, settings, siteUrl);
  const published = iso(article.publishedAt ?? article.updatedAt);
  const edited = iso(article.updatedAt);
  // An edit made before a scheduled publication time must not predate the first version.
  const versioncreated = edited > published ? edited : published;
  const ourselves: Party = { name: settings.siteName, uri: `${siteUrl}/` };
  const picture = article.image && featureImage(article.image, siteUrl);
  return {
    uri: page,
    type: 'text',
    profile: picture ? 'text-photo' : 'text-only',
    // Every save moves updatedAt forward, so its milliseconds make a version number that only grows.
    version: String(Date.parse(versioncreated)),
    standard: NINJS_STANDARD,
    firstcreated: published,
    versioncreated,
    contentcreated: published,
    pubstatus: 'usable',
    language: article.language,
    slugline: article.slug,
    title: article.title,
    headlines: [plain('main', article.title)],
    descriptions: article.dek ? [plain('summary', article.dek)] : [],
    bodies:
      article.visibility === 'public'
        ? [{ role: 'main', contenttype: 'text/html', value: standAloneBody(article.bodyHtml, page).html, wordcount: article.wordCount }]
        : [],
    by: article.authors.map((a) => a.name).join(', '),
    people: article.authors.map((a) => ({ name: a.name, rel: `${ROLE}author`, uri: `${siteUrl}/authors/${a.slug}` })),
    subjects: [...article.regions, ...article.themes, ...(article.dossier ? [article.dossier] : [])].map((t) => subject(t, siteUrl)),
    infosources: article.source
      ? [
          { name: article.source.name, uri: article.source.homepageUrl, role: `${ROLE}origcont` },
          { ...ourselves, role: `${ROLE}distributor` },
        ]
      : [{ ...ourselves, role: `${ROLE}origcont` }],
    copyrightholder: credit.holder,
    copyrightnotice: copyrightNotice(article, settings, credit),
    usageterms: usageTerms(article, settings, page),
    renditions: [{ name: 'web', href: page, contenttype: 'text/html', title: `${article.title} — ${settings.siteName}` }],
    associations: picture ? [picture] : [],
    // ninjs 2.1 has no links; the canonical address and a partner's original travel as alternative ids.
    altids: [
      { role: 'canonical', value: credit.canonicalUrl },
      ...(article.source && article.originalUrl ? [{ role: 'original', value: article.originalUrl }] : []),
    ],
  };
}

function usageTerms(article: Article, settings: SiteSettings, page: string): string {
  if (!offeredForRepublishing(article)) return 'Not for republication.';
  const credit = `Keep the byline, the credit to the original, the copyright line and a link to ${page}.`;
  return settings.republishingPolicy ? `${settings.republishingPolicy} ${credit}` : `Republication is allowed. ${credit}`;
}

function subject(term: Term, siteUrl: string) {
  return { name: term.name, rel: term.kind, uri: `${siteUrl}/${termPaths[term.kind]}/${term.slug}` };
}

function featureImage(image: NonNullable<Article['image']>, siteUrl: string): NinjsPicture {
  const href = (url: string) => (url.startsWith('/') ? siteUrl + url : url);
  const original = href(image.url);
  // A srcset reads "/media/a-480.webp 480w, /media/a-960.webp 960w": each entry is a rendition of known width.
  const sized = (image.srcset ?? '').split(',').flatMap((entry) => {
    const [url, width] = entry.trim().split(/\s+/);
    const w = Number(width?.replace(/w$/, ''));
    return url && Number.isInteger(w) && w > 0 ? [{ name: `w${w}`, href: href(url), contenttype: imageType(href(url)), width: w }] : [];
  });
  return {
    name: 'featureimage',
    uri: original,
    type: 'picture',
    descriptions: [plain('alt', image.alt), ...(image.caption ? [plain('caption', image.caption)] : [])],
    ...(image.credit ? { by: image.credit } : {}),
    renditions: [{ name: 'original', href: original, contenttype: imageType(original) }, ...sized],
  };
}
