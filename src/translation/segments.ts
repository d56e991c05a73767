import { escapeText } from 'entities';
import { DomUtils, parseDocument } from 'htmlparser2';
import { sanitiseArticleHtml } from '../content/sanitise-html.js';

type Node = ReturnType<typeof parseDocument>['children'][number];
type Element = ReturnType<typeof DomUtils.findAll>[number];

/** Tags that travel inside a segment with its text: the provider keeps them around the right words. */
const INLINE = new Set(['a', 'em', 'strong', 'b', 'i', 'u', 's', 'code', 'br', 'sup', 'sub', 'cite', 'q', 'abbr']);
/** Blocks with nothing to translate (code is shown as written); left exactly as they are. */
const UNTOUCHED = new Set(['img', 'iframe', 'hr', 'pre']);

// UTF-8 out: a provider should see "é", not "&#xe9;".
const serialise = (nodes: Node | Node[]) => DomUtils.getOuterHTML(nodes, { encodeEntities: 'utf8' });

/** Text and inline tags only, all the way down: such a node can be sent inside a segment. */
const isInline = (node: Node): boolean =>
  DomUtils.isText(node) || (DomUtils.isTag(node) && INLINE.has(node.name) && node.children.every(isInline));

/** A piece of the body to translate: a run of sibling nodes (text with inline tags), or an image's alt text. */
type Slot = { kind: 'run'; nodes: Node[] } | { kind: 'alt'; img: Element };

/**
 * Walks the body in document order: a run of inline siblings with some text becomes one slot, so a
 * paragraph, heading, list item, quote or caption is one segment however its block is nested.
 */
function collectSlots(parent: { children: Node[] }, slots: Slot[]): void {
  let run: Node[] = [];
  const endRun = () => {
    if (run.some((n) => DomUtils.textContent(n).trim() !== '')) slots.push({ kind: 'run', nodes: run });
    run = [];
  };
  for (const child of parent.children) {
    if (isInline(child)) {
      run.push(child);
      continue;
    }
    endRun();
    if (!DomUtils.isTag(child)) continue; // comments and the like
    if (child.name === 'img') {
      if ((child.attribs.alt ?? '').trim()) slots.push({ kind: 'alt', img: child });
    } else if (!UNTOUCHED.has(child.name)) {
      collectSlots(child, slots);
    }
  }
  endRun();
}

/** The white space around a run stays outside the segment: providers need not keep it. */
function splitSpace(html: string): [lead: string, core: string, trail: string] {
  const core = html.trim();
  const start = html.indexOf(core);
  return [html.slice(0, start), core, html.slice(start + core.length)];
}

const slotSource = (slot: Slot) => (slot.kind === 'alt' ? escapeText(slot.img.attribs.alt!.trim()) : splitSpace(serialise(slot.nodes))[1]);

/**
 * The text of a translated fragment, entities decoded: how a title or an alt text is read back. The
 * sanitiser goes first, so the source of a script a provider slipped in never becomes words.
 */
export const fragmentText = async (html: string) =>
  DomUtils.textContent(parseDocument(await sanitiseArticleHtml(html))).replace(/\s+/g, ' ').trim();

/** A plain text (title, dek, alt text) as a fragment a provider takes. */
export const textFragment = (text: string) => escapeText(text);

/**
 * Splits an article body (sanitised HTML) into the fragments to translate, each a block's inner HTML
 * (text with inline tags) or an image's alt text, in document order; `assemble` puts translations of
 * them back into the same block structure. Images, frames, rules and code blocks are left untouched.
 * The assembled HTML is not sanitised here: the caller passes it through the article sanitiser.
 */
export function segmentBody(html: string): { fragments: string[]; assemble(translated: readonly string[]): Promise<string> } {
  const parse = () => {
    const doc = parseDocument(html);
    const slots: Slot[] = [];
    collectSlots(doc, slots);
    return { doc, slots };
  };
  const fragments = parse().slots.map(slotSource);
  return {
    fragments,
    async assemble(translated) {
      if (translated.length !== fragments.length) throw new Error(`expected ${fragments.length} translated segments, got ${translated.length}`);
      // A fresh tree each time, so assembling twice (another language) starts from the original.
      const { doc, slots } = parse();
      for (const [i, slot] of slots.entries()) {
        if (slot.kind === 'alt') {
          slot.img.attribs.alt = await fragmentText(translated[i]!);
          continue;
        }
        const [lead, , trail] = splitSpace(serialise(slot.nodes));
        const first = slot.nodes[0]!;
        for (const node of [...parseDocument(lead + translated[i] + trail).children]) DomUtils.prepend(first, node);
        for (const node of slot.nodes) DomUtils.removeElement(node);
      }
      return serialise(doc.children);
    },
  };
}
