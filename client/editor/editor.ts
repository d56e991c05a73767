import { Editor } from '@tiptap/core';
import { Image } from '@tiptap/extension-image';
import { StarterKit } from '@tiptap/starter-kit';
import { Figure } from './figure.js';
import { isAcceptableHref } from './urls.js';

/**
 * Replaces the textarea with a Tiptap editor over the same HTML. The textarea stays in the form,
 * hidden, and receives the editor's HTML after every change, so submitting the form works
 * exactly as it does without JavaScript.
 */
export function mountEditor(textarea: HTMLTextAreaElement, host: HTMLElement): Editor {
  const labelIds = Array.from(textarea.labels ?? [], (label, i) => {
    label.id ||= `${textarea.id || 'editor'}-label-${i}`;
    return label.id;
  });
  const editor = new Editor({
    element: host,
    content: textarea.value,
    // The site's Content-Security-Policy forbids inline <style>; editor.css carries these rules instead.
    injectCSS: false,
    extensions: [
      StarterKit.configure({
        // h1 is the page's headline, never part of the body; h4 is kept so older articles load intact.
        heading: { levels: [2, 3, 4] },
        link: {
          openOnClick: false,
          autolink: false,
          // No target/rel: the sanitiser would strip them, and the site decides how links open.
          HTMLAttributes: { target: null, rel: null },
          isAllowedUri: (url) => isAcceptableHref(url),
        },
      }),
      // Bare images from older articles must survive a round trip; new ones go in as figures.
      Image.configure({ inline: false }),
      Figure,
    ],
    editorProps: {
      attributes: {
        class: 'editor-body',
        role: 'textbox',
        'aria-multiline': 'true',
        ...(labelIds.length ? { 'aria-labelledby': labelIds.join(' ') } : {}),
      },
    },
    onUpdate: ({ editor: current }) => {
      textarea.value = current.getHTML();
    },
  });
  // A textarea's label points at it, so the label would otherwise lead nowhere once it is hidden.
  for (const label of textarea.labels ?? []) label.addEventListener('click', () => editor.commands.focus());
  textarea.hidden = true;
  return editor;
}
