import type { MediaPage as Library } from '../../media/index.js';
import { Alert } from './admin-layout.js';

/** The media library: an upload form (alt text, caption and credit required) and the images, newest first. */
export function MediaPage({ library, q, csrfToken, error, uploadedId }: { library: Library; q: string; csrfToken: string; error?: string; uploadedId?: number }) {
  return (
    <>
      <h1>Media</h1>
      {error && <Alert kind="error">{error}</Alert>}
      {uploadedId !== undefined && <Alert kind="info">Uploaded. Copy its address into an article’s featured image or the editor’s image button.</Alert>}
      <form method="post" action="/admin/media" enctype="multipart/form-data" class="stack">
        <input type="hidden" name="_csrf" value={csrfToken} />
        <label for="file">Image (JPEG, PNG, WebP or AVIF)</label>
        <input id="file" name="file" type="file" accept="image/jpeg,image/png,image/webp,image/avif" required />
        <label for="alt">Alt text (what the image shows, for readers who cannot see it)</label>
        <input id="alt" name="alt" required maxLength={500} />
        <label for="caption">Caption</label>
        <input id="caption" name="caption" required maxLength={1000} />
        <label for="credit">Credit</label>
        <input id="credit" name="credit" required maxLength={300} />
        <button type="submit">Upload</button>
      </form>
      <form method="get" action="/admin/media" class="filters" role="search">
        <label for="q">Search</label>
        <input id="q" name="q" type="search" value={q} />
        <button type="submit">Search</button>
      </form>
      <p>{library.total} images</p>
      <ul class="media-grid">
        {library.items.map((m) => (
          <li key={m.id} class={m.id === uploadedId ? 'just-uploaded' : undefined}>
            <img src={m.variants[0]?.url ?? m.url} alt={m.alt} width={240} height={Math.round((240 * m.height) / m.width)} loading="lazy" />
            <p>
              <code>{m.url}</code>
            </p>
            <p>
              {m.caption} <span class="credit">{m.credit}</span>
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
