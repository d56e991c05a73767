import type { Editor } from '@tiptap/core';
import { editLink, embedArticle, insertImage } from './prompts.js';

interface Tool {
  label: string;
  run(editor: Editor): void;
  /** For toggles: whether the selection already has it (shown as aria-pressed). */
  active?(editor: Editor): boolean;
  /** For actions that can be unavailable (undo with no history). */
  enabled?(editor: Editor): boolean;
}

const tools: Tool[] = [
  { label: 'Paragraph', run: (e) => e.chain().focus().setParagraph().run(), active: (e) => e.isActive('paragraph') },
  {
    label: 'Heading 2',
    run: (e) => e.chain().focus().toggleHeading({ level: 2 }).run(),
    active: (e) => e.isActive('heading', { level: 2 }),
  },
  {
    label: 'Heading 3',
    run: (e) => e.chain().focus().toggleHeading({ level: 3 }).run(),
    active: (e) => e.isActive('heading', { level: 3 }),
  },
  { label: 'Bold', run: (e) => e.chain().focus().toggleBold().run(), active: (e) => e.isActive('bold') },
  { label: 'Italic', run: (e) => e.chain().focus().toggleItalic().run(), active: (e) => e.isActive('italic') },
  { label: 'Bullet list', run: (e) => e.chain().focus().toggleBulletList().run(), active: (e) => e.isActive('bulletList') },
  {
    label: 'Numbered list',
    run: (e) => e.chain().focus().toggleOrderedList().run(),
    active: (e) => e.isActive('orderedList'),
  },
  { label: 'Quote', run: (e) => e.chain().focus().toggleBlockquote().run(), active: (e) => e.isActive('blockquote') },
  { label: 'Link', run: editLink, active: (e) => e.isActive('link') },
  { label: 'Image', run: insertImage },
  { label: 'Embed article', run: embedArticle },
  { label: 'Undo', run: (e) => e.chain().focus().undo().run(), enabled: (e) => e.can().undo() },
  { label: 'Redo', run: (e) => e.chain().focus().redo().run(), enabled: (e) => e.can().redo() },
];

/**
 * The formatting toolbar, following the ARIA toolbar pattern: one Tab stop, arrow keys (and
 * Home/End) move between buttons, and the last button used keeps the Tab stop.
 */
export function createToolbar(editor: Editor): HTMLElement {
  const toolbar = document.createElement('div');
  toolbar.className = 'editor-toolbar';
  toolbar.setAttribute('role', 'toolbar');
  toolbar.setAttribute('aria-label', 'Formatting');

  const buttons = tools.map((tool, index) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = tool.label;
    button.tabIndex = index === 0 ? 0 : -1;
    // A mouse click leaves focus (and the visible selection) in the text.
    button.addEventListener('mousedown', (event) => event.preventDefault());
    button.addEventListener('click', () => {
      // aria-disabled rather than disabled: a disabled button could not hold the toolbar's Tab stop.
      if (button.getAttribute('aria-disabled') === 'true') return;
      tool.run(editor);
      // Tiptap's focus() waits for the next animation frame; keys typed before then would land on
      // the button, so focus the text now.
      editor.view.focus();
    });
    toolbar.append(button);
    return button;
  });

  const moveTo = (index: number) => {
    const target = buttons[(index + buttons.length) % buttons.length];
    target?.focus();
  };
  toolbar.addEventListener('keydown', (event) => {
    const current = buttons.indexOf(event.target as HTMLButtonElement);
    if (current < 0) return;
    const next = { ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0, End: buttons.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    moveTo(next);
  });
  // Whichever button gets focus, by key or by mouse, becomes the Tab stop.
  toolbar.addEventListener('focusin', (event) => {
    const index = buttons.indexOf(event.target as HTMLButtonElement);
    if (index >= 0) buttons.forEach((button, i) => (button.tabIndex = i === index ? 0 : -1));
  });

  const refresh = () => {
    tools.forEach((tool, i) => {
      const button = buttons[i];
      if (!button) return;
      if (tool.active) button.setAttribute('aria-pressed', String(tool.active(editor)));
      if (tool.enabled) button.setAttribute('aria-disabled', String(!tool.enabled(editor)));
    });
  };
  editor.on('transaction', refresh);
  refresh();
  return toolbar;
}
