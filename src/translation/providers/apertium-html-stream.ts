import { DomUtils, parseDocument } from 'htmlparser2';
import { TranslationError } from '../provider.js';

type Node = ReturnType<typeof parseDocument>['children'][number];

/** Elements passed through whole and untranslated, as superblanks: code is shown as written. */
const UNTRANSLATED = new Set(['code', 'kbd', 'samp', 'var', 'script', 'style']);

/** An inline element taken out of the text: its start and end tags, put back around the words it came to wrap. */
interface InlineTag {
  open: string;
  close: string;
}

/** Fragments as Apertium's stream: one NUL-terminated block each, and the inline tags their words carry. */
export interface ApertiumStream {
  stream: Buffer;
  tags: InlineTag[];
}

// UTF-8 out, as the segmenter writes it: only what must be escaped is.
const serialise = (node: Node) => DomUtils.getOuterHTML(node, { encodeEntities: 'utf8' });
const escapeHtml = (text: string) => text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
/** Characters with a meaning in Apertium's stream format are escaped with a backslash. */
const escapeStream = (text: string) => text.replace(/[\\[\]^$/@{}<>]/g, '\\$&');
const superblank = (html: string) => `[${escapeStream(html)}]`;
/** Each block starts and ends with these, so a block lost, added or moved is seen, never taken for another. */
const opening = (index: number) => `<p data-bs-seg="${index}">`;
const CLOSING = '</p>';

/**
 * Turns HTML fragments into Apertium's stream, as an HTML deformatter such as transfuse's
 * tf-extract does, but in process: text escaped; each inline element (a, em, strong, …) as a
 * word-bound blank `[[t:N]]…[[/]]` around its words, which the pipeline's wblank stages carry on to
 * the words that translate them; line breaks and code as superblanks, passed through untouched.
 * Every block ends in a full stop before its last blank, so the tagger and the transfer stages
 * finish their sentence and answer it before the NUL; the stop is taken off again afterwards.
 */
export function toApertiumStream(fragments: readonly string[]): ApertiumStream {
  const tags: InlineTag[] = [];
  const blocks = fragments.map((fragment, index) => {
    const body: string[] = [];
    // A NUL ends a block in the pipeline; in HTML it is only ever an error, read as U+FFFD.
    writeNodes(parseDocument(fragment.replaceAll('\0', '\uFFFD')).children, body, tags);
    return `${superblank(opening(index))}${body.join('')}.${superblank(CLOSING)}\0`;
  });
  return { stream: Buffer.from(blocks.join(''), 'utf8'), tags };
}

function writeNodes(nodes: readonly Node[], out: string[], tags: InlineTag[]): void {
  for (const node of nodes) {
    if (DomUtils.isText(node)) {
      out.push(escapeStream(node.data));
    } else if (DomUtils.isTag(node)) {
      if (UNTRANSLATED.has(node.name) || node.children.length === 0) {
        out.push(superblank(serialise(node)));
        continue;
      }
      // The element without its content gives its start and end tags, attributes escaped as the segmenter escapes them.
      const empty = serialise(node.cloneNode(false));
      const close = `</${node.name}>`;
      const id = tags.push({ open: empty.slice(0, -close.length), close }) - 1;
      out.push(`[[t:${id}]]`);
      writeNodes(node.children, out, tags);
      out.push('[[/]]');
    }
    // Comments and processing instructions carry nothing to translate.
  }
}

/** A run of translated text with the inline tags on it (outermost first), or a superblank's HTML. */
type Piece = { text: string; tags: number[] } | { html: string };

/**
 * The pipeline's answer back into HTML fragments, one per block: superblanks as the HTML they
 * hold, text escaped, and each inline tag around the words that carry it, words next to each other
 * with the same tag under one element. A block that does not start and end as its own did is a bad
 * response.
 */
export function fromApertiumStream(output: Buffer, { tags }: ApertiumStream, count: number): string[] {
  const blocks = output.toString('utf8').split('\0');
  if (blocks.length !== count + 1 || blocks.pop() !== '') {
    throw new TranslationError(`Apertium returned ${blocks.length} blocks for ${count}`, 'bad_response', false);
  }
  return blocks.map((block, index) => {
    const pieces = readPieces(block);
    const first = pieces.shift();
    const last = pieces.pop();
    if (!first || !('html' in first) || first.html !== opening(index) || !last || !('html' in last) || last.html !== CLOSING) {
      throw new TranslationError(`Apertium returned segment ${index} out of order or unclosed`, 'bad_response', false);
    }
    const end = pieces.at(-1);
    if (end && 'text' in end && end.text.endsWith('.')) end.text = end.text.slice(0, -1);
    return render(pieces, tags);
  });
}

/** Splits one block of Apertium's output into text runs and superblanks. */
function readPieces(block: string): Piece[] {
  const pieces: Piece[] = [];
  // Word-bound blanks as opened and not yet closed: one per word after the wblank stages, nested in our own stream.
  const open: number[][] = [];
  let wordTags: number[] = [];
  const addText = (text: string) => {
    const last = pieces.at(-1);
    if (last && 'text' in last && sameTags(last.tags, wordTags)) last.text += text;
    else pieces.push({ text, tags: wordTags });
  };
  /** The text up to the unescaped `end`, unescaped, and the index after `end`. */
  const readUntil = (from: number, end: string): [string, number] => {
    let text = '';
    for (let i = from; i < block.length; i++) {
      if (block[i] === '\\') text += block[++i] ?? '';
      else if (block.startsWith(end, i)) return [text, i + end.length];
      else text += block[i];
    }
    throw new TranslationError('Apertium returned an unclosed blank', 'bad_response', false);
  };

  for (let i = 0; i < block.length; ) {
    if (block.startsWith('[[', i)) {
      const [content, next] = readUntil(i + 2, ']]');
      // `[[t:1; t:2]]` starts words wrapped by tags 1 and 2; `[[/]]` ends the last one started.
      if (content === '/') open.pop();
      else open.push([...content.matchAll(/(?:^|;)\s*t:(\d+)\s*(?=;|$)/g)].map((m) => Number(m[1])));
      wordTags = [...new Set(open.flat())].sort((a, b) => a - b);
      i = next;
    } else if (block[i] === '[') {
      const [html, next] = readUntil(i + 1, ']');
      pieces.push({ html });
      i = next;
    } else if (block[i] === '\\') {
      addText(block[i + 1] ?? '');
      i += 2;
    } else {
      addText(block[i]!);
      i++;
    }
  }
  return pieces;
}

const sameTags = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((tag, i) => tag === b[i]);

function render(pieces: Piece[], tags: readonly InlineTag[]): string {
  // Space between two words under the same tags goes inside those tags, so they make one element.
  pieces.forEach((piece, i) => {
    const before = pieces[i - 1];
    const after = pieces[i + 1];
    if ('text' in piece && piece.tags.length === 0 && piece.text.trim() === '' && before && after && 'text' in before && 'text' in after) {
      piece.tags = commonStart(before.tags, after.tags);
    }
  });
  let html = '';
  let open: number[] = [];
  for (const piece of pieces) {
    const wanted = 'text' in piece ? piece.tags : [];
    const keep = commonStart(open, wanted).length;
    for (const tag of open.slice(keep).reverse()) html += tags[tag]?.close ?? '';
    for (const tag of wanted.slice(keep)) html += tags[tag]?.open ?? '';
    open = wanted;
    html += 'text' in piece ? escapeHtml(piece.text) : piece.html;
  }
  for (const tag of open.reverse()) html += tags[tag]?.close ?? '';
  return html;
}

function commonStart(a: readonly number[], b: readonly number[]): number[] {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return a.slice(0, n);
}
