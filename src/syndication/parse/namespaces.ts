/** Namespace URIs of the vocabularies feeds mix in; elements are matched by these, not by prefix. */
export const NS = {
  xml: 'http://www.w3.org/XML/1998/namespace',
  atom: 'http://www.w3.org/2005/Atom',
  atom03: 'http://purl.org/atom/ns#',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rss1: 'http://purl.org/rss/1.0/',
  rss090: 'http://my.netscape.com/rdf/simple/0.9/',
  content: 'http://purl.org/rss/1.0/modules/content/',
  dc: 'http://purl.org/dc/elements/1.1/',
  dcterms: 'http://purl.org/dc/terms/',
  media: 'http://search.yahoo.com/mrss/',
  xhtml: 'http://www.w3.org/1999/xhtml',
} as const;

/**
 * Prefixes feeds use without declaring them (a common mistake); an undeclared prefix is read as the
 * vocabulary it almost always means rather than dropping the element.
 */
export const CONVENTIONAL_PREFIXES: Readonly<Record<string, string>> = {
  xml: NS.xml,
  atom: NS.atom,
  rdf: NS.rdf,
  content: NS.content,
  dc: NS.dc,
  dcterms: NS.dcterms,
  media: NS.media,
  xhtml: NS.xhtml,
};
