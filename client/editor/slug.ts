/**
 * Keeps the slug field following the title until someone edits the slug by hand. The server
 * marks an untouched slug with data-auto; the island bundles the server's own slugify, so the
 * preview matches what would be saved.
 */
import { slugify } from '../../src/content/slugify.js';

export function bindSlugToTitle(form: HTMLFormElement): void {
  const title = form.querySelector<HTMLInputElement>('input[name="title"]');
  const slug = form.querySelector<HTMLInputElement>('input[name="slug"]');
  if (!title || !slug) return;
  title.addEventListener('input', () => {
    if (slug.hasAttribute('data-auto')) slug.value = slugify(title.value);
  });
  // Only a person typing fires "input"; our own assignment above does not, so this marks a hand edit.
  slug.addEventListener('input', () => slug.removeAttribute('data-auto'));
}
