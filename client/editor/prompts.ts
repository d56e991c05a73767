import type { Editor } from '@tiptap/core';
import { isAcceptableHref, isMediaUrl, isSlug } from './urls.js';

/**
 * The toolbar actions that need details from the writer. They ask with the browser's own
 * prompt(), which is accessible everywhere at no cost; a cancelled prompt changes nothing.
 */

function ask(question: string, initial = ''): string | undefined {
  const answer = window.prompt(question, initial);
  return answer === null ? undefined : answer.trim();
}

export function editLink(editor: Editor): void {
  const current = (editor.getAttributes('link').href as string | undefined) ?? '';
  const href = ask('Link address (https://…, mailto:… or /…). Leave empty to remove the link.', current);
  if (href === undefined) return;
  if (href === '') {
    editor.chain().focus().extendMarkRange('link').unsetLink().run();
    return;
  }
  if (!isAcceptableHref(href)) {
    window.alert('That link was not added: use an address starting with https://, http://, mailto: or /.');
    return;
  }
  if (editor.state.selection.empty && !editor.isActive('link')) {
    // Nothing selected to link: insert the address itself as the link text.
    editor.chain().focus().insertContent({ type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] }).run();
    return;
  }
  editor.chain().focus().extendMarkRange('link').setLink({ href }).run();
}

export function insertImage(editor: Editor): void {
  const src = ask('Image address in the media library (/media/…)');
  if (src === undefined) return;
  if (!isMediaUrl(src)) {
    window.alert('That image was not added: upload it to the media library and use its /media/… address.');
    return;
  }
  const alt = ask('Describe the image for readers who cannot see it (required)');
  if (alt === undefined) return;
  if (alt === '') {
    window.alert('That image was not added: a description (alt text) is required.');
    return;
  }
  const caption = ask('Caption (optional)');
  if (caption === undefined) return;
  const credit = ask('Credit, e.g. the photographer (optional)');
  if (credit === undefined) return;
  editor.chain().focus().insertFigure({ src, alt, caption, credit }).run();
}

export function embedArticle(editor: Editor): void {
  const slug = ask('Slug of the article to embed (as in /articles/slug)');
  if (slug === undefined) return;
  if (!isSlug(slug)) {
    window.alert('That article was not embedded: a slug has lower-case letters, digits and single hyphens.');
    return;
  }
  // An embed is a paragraph holding nothing but a link to the article, so it is still a working
  // link wherever it is not shown as an embed.
  const href = `/articles/${slug}`;
  editor
    .chain()
    .focus()
    .insertContent({ type: 'paragraph', content: [{ type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] }] })
    .run();
}
