import { decodeHTMLStrict } from 'entities';
import { Parser } from 'htmlparser2';
import { CONVENTIONAL_PREFIXES, NS } from './namespaces.js';
import { FeedParseError } from './types.js';

/** Deeper than any real feed nests; beyond it the document is refused rather than walked. */
export const MAX_DEPTH = 100;

/** An element with its namespace resolved; text children are plain strings, already decoded. */
export interface XmlElement {
  /** The name as written, prefix included. */
  readonly name: string;
  readonly local: string;
  /** Namespace URI; '' for none, `undeclared:p` for an unknown prefix `p`. */
  readonly ns: string;
  /** Attribute values (decoded), keyed by the name as written. */
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: XmlNode[];
  readonly parent: XmlElement | null;
  /** In-scope prefix -> namespace URI ('' is the default namespace). */
  readonly scope: ReadonlyMap<string, string>;
}
export type XmlNode = XmlElement | string;

const XML_NAME = /^[\p{L}_][\p{L}\p{N}_.:-]*$/u;
const EMPTY_SCOPE: ReadonlyMap<string, string> = new Map([['xml', NS.xml]]);

function splitName(name: string): [prefix: string, local: string] {
  const colon = name.indexOf(':');
  return colon < 0 ? ['', name] : [name.slice(0, colon), name.slice(colon + 1)];
}

function resolvePrefix(scope: ReadonlyMap<string, string>, prefix: string): string {
  return scope.get(prefix) ?? CONVENTIONAL_PREFIXES[prefix] ?? (prefix === '' ? '' : `undeclared:${prefix}`);
}

function scopeWith(parent: ReadonlyMap<string, string>, attrs: Record<string, string>): ReadonlyMap<string, string> {
  let scope: Map<string, string> | null = null;
  for (const [key, value] of Object.entries(attrs)) {
    if (key !== 'xmlns' && !key.startsWith('xmlns:')) continue;
    scope ??= new Map(parent);
    scope.set(key === 'xmlns' ? '' : key.slice(6), value.trim());
  }
  return scope ?? parent;
}

/**
 * Reads XML into a small namespace-aware tree with htmlparser2, which tolerates the broken markup real
 * feeds contain (unclosed and stray tags) and never expands DTD entities. A document that declares
 * entities is refused outright, and so is one nested deeper than MAX_DEPTH.
 */
export function parseXmlTree(text: string): XmlElement {
  const top: XmlElement = { name: '', local: '', ns: '', attrs: {}, children: [], parent: null, scope: EMPTY_SCOPE };
  const stack: XmlElement[] = [top];
  // Text arrives in pieces; raw runs are decoded once whole, CDATA is kept as written.
  let raw: string[] = [];
  let pending: string[] = [];
  let inCdata = false;
  const current = () => stack[stack.length - 1] as XmlElement;
  const flushRaw = () => {
    if (raw.length) pending.push(decodeHTMLStrict(raw.join('')));
    raw = [];
  };
  const flushText = () => {
    flushRaw();
    if (pending.length) current().children.push(pending.join(''));
    pending = [];
  };

  const parser = new Parser(
    {
      onopentag(name, rawAttrs) {
        flushText();
        if (stack.length > MAX_DEPTH) {
          throw new FeedParseError('malformed', `The feed nests elements more than ${MAX_DEPTH} deep, which no real feed does`);
        }
        const parent = current();
        const attrs: Record<string, string> = {};
        for (const [key, value] of Object.entries(rawAttrs)) attrs[key] = decodeHTMLStrict(value);
        const scope = scopeWith(parent.scope, attrs);
        const [prefix, local] = splitName(name);
        const element: XmlElement = { name, local, ns: resolvePrefix(scope, prefix), attrs, children: [], parent, scope };
        parent.children.push(element);
        stack.push(element);
      },
      onclosetag() {
        flushText();
        if (stack.length > 1) stack.pop();
      },
      ontext(piece) {
        if (inCdata) pending.push(piece);
        else raw.push(piece);
      },
      oncdatastart() {
        flushRaw();
        inCdata = true;
      },
      oncdataend() {
        inCdata = false;
      },
      onprocessinginstruction(name, data) {
        if (/^!ENTITY/i.test(name) || /<!ENTITY/i.test(data)) {
          throw new FeedParseError('entity_declarations', 'The feed declares its own XML entities, which Broadsheet refuses to expand');
        }
      },
    },
    { xmlMode: true, decodeEntities: false, recognizeCDATA: true },
  );
  parser.end(text);
  flushText();

  const root = top.children.find((node): node is XmlElement => typeof node !== 'string');
  // htmlparser2 makes elements of stray '<' runs; a root without a proper XML name means there was no markup.
  if (!root || !XML_NAME.test(root.name)) throw new FeedParseError('malformed', 'The feed is not well-formed XML: it has no proper top element');
  return root;
}
