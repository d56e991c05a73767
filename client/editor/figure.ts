import { Node } from '@tiptap/core';
import type { DOMOutputSpec } from '@tiptap/pm/model';

export interface FigureAttributes {
  src: string;
  alt: string;
  caption: string;
  credit: string;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    figure: {
      insertFigure: (attributes: FigureAttributes) => ReturnType;
    };
  }
}

function captionText(figure: HTMLElement): string {
  const caption = figure.querySelector('figcaption')?.cloneNode(true) as HTMLElement | undefined;
  caption?.querySelectorAll('cite').forEach((cite) => cite.remove());
  return caption?.textContent?.trim() ?? '';
}

/**
 * An image with its caption and photo credit, kept as one block so the three travel together:
 * `<figure><img src alt><figcaption>caption <cite>credit</cite></figcaption></figure>`.
 * It is an atom (edited through the toolbar, not in place) because a half-deleted credit is a
 * licensing problem, not a typo.
 */
export const Figure = Node.create({
  name: 'figure',
  group: 'block',
  atom: true,
  draggable: true,

  addAttributes() {
    // Attributes live on the <img> and in the caption, never on <figure> itself.
    return {
      src: { default: '', rendered: false, parseHTML: (el) => el.querySelector('img')?.getAttribute('src') ?? '' },
      alt: { default: '', rendered: false, parseHTML: (el) => el.querySelector('img')?.getAttribute('alt') ?? '' },
      caption: { default: '', rendered: false, parseHTML: captionText },
      credit: {
        default: '',
        rendered: false,
        parseHTML: (el) => el.querySelector('figcaption cite')?.textContent?.trim() ?? '',
      },
    };
  },

  parseHTML() {
    return [{ tag: 'figure', getAttrs: (el) => (el.querySelector('img[src]') ? null : false) }];
  },

  renderHTML({ node }) {
    const { src, alt, caption, credit } = node.attrs as FigureAttributes;
    // Strings in an output spec become text nodes.
    const captionParts: Array<string | DOMOutputSpec> = [];
    if (caption) captionParts.push(credit ? `${caption} ` : caption);
    if (credit) captionParts.push(['cite', credit]);
    const img: DOMOutputSpec = ['img', { src, alt }];
    return captionParts.length ? ['figure', img, ['figcaption', ...captionParts]] : ['figure', img];
  },

  addCommands() {
    return {
      insertFigure:
        (attributes) =>
        ({ commands }) =>
          commands.insertContent({ type: this.name, attrs: attributes }),
    };
  },
});
