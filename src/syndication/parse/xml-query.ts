import { escapeAttribute, escapeText } from 'entities';
import { httpBase } from './urls.js';
import type { XmlElement, XmlNode } from './xml-tree.js';

const isElement = (node: XmlNode): node is XmlElement => typeof node !== 'string';

/** Child elements with the given namespace URI and local name, in document order. */
export function childrenNamed(parent: XmlElement, ns: string, local: string): XmlElement[] {
  return parent.children.filter((node): node is XmlElement => isElement(node) && node.local === local && node.ns === ns);
}

/** The first child element with the given namespace URI and local name. */
export function childNamed(parent: XmlElement, ns: string, local: string): XmlElement | undefined {
  return parent.children.find((node): node is XmlElement => isElement(node) && node.local === local && node.ns === ns);
}

/**
 * Elements named `local` under `parent`, at any depth, in document order. Items are searched for at
 * depth because a feed that forgets `</item>` nests each item inside the one before.
 */
export function descendantsNamed(parent: XmlElement, ns: string, local: string): XmlElement[] {
  const found: XmlElement[] = [];
  const visit = (element: XmlElement) => {
    for (const node of element.children) {
      if (typeof node === 'string') continue;
      if (node.local === local && node.ns === ns) found.push(node);
      visit(node);
    }
  };
  visit(parent);
  return found;
}

/** All text inside an element, markup ignored. */
export function textOf(element: XmlElement | undefined): string {
  if (!element) return '';
  return element.children.map((node) => (isElement(node) ? textOf(node) : node)).join('');
}

/** The trimmed text of the first matching child, or null when it is missing or blank. */
export function childText(parent: XmlElement, ns: string, local: string): string | null {
  return textOf(childNamed(parent, ns, local)).trim() || null;
}

/** An attribute in a namespace, whatever prefix the feed bound to it. */
export function attrNs(element: XmlElement, ns: string, local: string): string | undefined {
  for (const [key, value] of Object.entries(element.attrs)) {
    const colon = key.indexOf(':');
    if (colon > 0 && key.slice(colon + 1) === local && element.scope.get(key.slice(0, colon)) === ns) return value;
  }
  return undefined;
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

function serialize(node: XmlNode): string {
  if (!isElement(node)) return escapeText(node);
  const attrs = Object.entries(node.attrs)
    .filter(([key]) => key !== 'xmlns' && !key.startsWith('xmlns:') && !key.startsWith('xml:'))
    .map(([key, value]) => ` ${key}="${escapeAttribute(value)}"`)
    .join('');
  const inner = node.children.map(serialize).join('');
  // An XML reader nests whatever follows an unclosed <br> inside it; in HTML that content comes after it.
  if (VOID.has(node.local)) return `<${node.local}${attrs}>${inner}`;
  return `<${node.local}${attrs}>${inner}</${node.local}>`;
}

/**
 * The HTML an element carries: its text when the HTML was escaped or in CDATA (the normal case), or
 * its child markup written back out when a feed put raw (X)HTML elements inside it.
 */
export function innerHtml(element: XmlElement | undefined): string {
  if (!element) return '';
  if (!element.children.some(isElement)) return textOf(element);
  return element.children.map(serialize).join('');
}

/** The xml:base in scope at an element, resolved against outer bases and the feed URL; null when none is declared. */
export function xmlBase(element: XmlElement, feedUrl: string): string | null {
  const declared: string[] = [];
  for (let at: XmlElement | null = element; at; at = at.parent) {
    const base = at.attrs['xml:base'];
    if (base !== undefined) declared.push(base);
  }
  if (!declared.length) return null;
  return declared.reduceRight((base, href) => httpBase(href, base) ?? base, feedUrl);
}

/** The xml:lang in scope at an element, or null. */
export function xmlLang(element: XmlElement): string | null {
  for (let at: XmlElement | null = element; at; at = at.parent) {
    const lang = at.attrs['xml:lang']?.trim();
    if (lang) return lang;
  }
  return null;
}

