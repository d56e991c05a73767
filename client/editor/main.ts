/**
 * The article editor island. It enhances a form that already works without JavaScript.
 *
 * Contract with the server-rendered page:
 * - The form contains `<textarea name="bodyHtml" id="bodyHtml" data-editor>` holding the article's
 *   HTML (escaped as textarea text). Give it a `<label for="bodyHtml">`: the editor takes its name.
 *   The island hides the textarea but leaves it in the form, mounts the editor (toolbar and body)
 *   right after it, and copies the editor's HTML into it on every change, so a plain submit sends
 *   the edited body. The server must sanitise it as it would any other input.
 * - Optional autosave: `data-autosave-url` and `data-csrf-token` on the form. Every change is
 *   POSTed there (about two seconds after the writer pauses) as JSON of all the form's fields
 *   (a name with several values, like a multiple select, becomes an array), with the token in an
 *   `x-csrf-token` header; at most one request is in flight. The endpoint answers 2xx, or 4xx/5xx with
 *   `{ "error": { "message" } }`. The outcome is written into `[data-autosave-status]` if present
 *   (use `<p data-autosave-status role="status" aria-live="polite">`).
 * - Optional slug preview: inputs `name="title"` and `name="slug"` in the same form; while the
 *   slug input has `data-auto` (the slug was never set by hand) it follows the title.
 * - Load the script with `<script src="/…/editor.js" defer>` and the stylesheet `editor.css`.
 *   Nothing runs inline, so the site's Content-Security-Policy needs no exception.
 */
import { setupAutosave } from './autosave.js';
import { mountEditor } from './editor.js';
import { bindSlugToTitle } from './slug.js';
import { createToolbar } from './toolbar.js';

function enhance(textarea: HTMLTextAreaElement): void {
  const wrapper = document.createElement('div');
  wrapper.className = 'editor';
  const body = document.createElement('div');
  textarea.after(wrapper);
  const editor = mountEditor(textarea, body);
  wrapper.append(createToolbar(editor), body);
  const form = textarea.form;
  if (!form) return;
  const autosave = setupAutosave(form);
  if (autosave) editor.on('update', () => autosave.changed());
}

function start(): void {
  document.querySelectorAll<HTMLTextAreaElement>('textarea[data-editor]').forEach(enhance);
  document.querySelectorAll<HTMLFormElement>('form').forEach(bindSlugToTitle);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
