import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { before, it } from 'node:test';
import sharp from 'sharp';
import type { StaffUser } from '../../src/admin/staff-service.js';
import type { MediaRecord } from '../../src/media/index.js';
import { forEachDatabase } from '../helpers/databases.js';
import { makeAuthor } from '../helpers/factories.js';
import { useTestApp } from '../helpers/test-app.js';

/** A photo-sized picture: wide enough for the 480 and 960 variants, not the 1600 one. */
const picture = (format: 'jpeg' | 'png', width = 1200, height = 800) =>
  sharp({ create: { width, height, channels: 3, background: { r: 30, g: 90, b: 160 } } })
    .toFormat(format)
    .toBuffer();

interface Upload {
  file?: { bytes: Buffer; name: string; type: string };
  alt?: string;
  caption?: string;
  credit?: string;
  _csrf?: string;
}

/** A multipart body as a browser builds it from the upload form. */
function multipart(upload: Upload): FormData {
  const form = new FormData();
  for (const key of ['_csrf', 'alt', 'caption', 'credit'] as const) {
    if (upload[key] !== undefined) form.append(key, upload[key]);
  }
  if (upload.file) form.append('file', new Blob([new Uint8Array(upload.file.bytes)], { type: upload.file.type }), upload.file.name);
  return form;
}

forEachDatabase('the media library over HTTP', (dialect) => {
  const t = useTestApp(dialect);
  const tokens = {} as Record<'editor' | 'contributor' | 'colleague', string>;
  const users = {} as Record<'editor' | 'contributor' | 'colleague', StaffUser>;
  let jpeg: Buffer;
  let byline: string;

  before(async () => {
    for (const [key, role] of [['editor', 'editor'], ['contributor', 'contributor'], ['colleague', 'contributor']] as const) {
      users[key] = await t.app.staff.create({ email: `${key}@news.test`, name: `The ${key}`, role });
      tokens[key] = (await t.app.staff.createApiToken(users[key].id, 'media tests')).token;
    }
    jpeg = await picture('jpeg');
    byline = (await makeAuthor(t.app.content)).slug;
  });

  const described = { alt: 'Cranes over the harbour at dawn', caption: 'The harbour reopens.', credit: 'Photo: Desk' };

  async function apiUpload(token: string, upload: Upload) {
    const res = await fetch(`${t.baseUrl}/api/admin/v1/media`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: multipart(upload) });
    return { status: res.status, json: (await res.json()) as Record<string, any> };
  }

  async function uploaded(token: string, over: Partial<Upload> = {}): Promise<MediaRecord> {
    const res = await apiUpload(token, { file: { bytes: jpeg, name: 'harbour-at-dawn.jpg', type: 'image/jpeg' }, ...described, ...over });
    assert.equal(res.status, 201, JSON.stringify(res.json));
    return res.json.media as MediaRecord;
  }

  async function api(method: string, pathAndQuery: string, token: string) {
    const res = await fetch(`${t.baseUrl}/api/admin/v1${pathAndQuery}`, { method, headers: { authorization: `Bearer ${token}` } });
    const text = await res.text();
    return { status: res.status, json: (text ? JSON.parse(text) : undefined) as any };
  }

  const rowCount = async () => Number((await t.app.database.db.selectFrom('media').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const onDisk = (url: string) => path.join(t.config.dataDir, 'media', ...url.slice('/media/'.length).split('/'));
  const exists = (url: string) => fs.access(onDisk(url)).then(() => true, () => false);
  const urlsOf = (item: MediaRecord) => [item.url, ...item.variants.map((v) => v.url)];

  it('takes a contributor’s upload with 201 and WebP variants, and serves the original at its /media/ URL', async () => {
    const item = await uploaded(tokens.contributor);
    assert.match(item.url, /^\/media\/\d{4}\/\d{2}\/[a-f0-9]+-harbour-at-dawn\.jpg$/);
    assert.deepEqual([item.alt, item.caption, item.credit, item.uploadedBy], [described.alt, described.caption, described.credit, users.contributor.id]);
    assert.deepEqual(item.variants.map((v) => v.width), [480, 960]);
    const original = await t.get(item.url);
    assert.equal(original.status, 200);
    assert.equal(original.headers.get('content-type'), 'image/jpeg');
    assert.equal((await sharp(Buffer.from(await original.arrayBuffer())).metadata()).width, 1200);
    for (const variant of item.variants) {
      const res = await t.get(variant.url);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'image/webp');
    }
  });

  const refusals: { what: string; upload: () => Promise<Upload>; status: number; code: RegExp; field?: string }[] = [
    { what: 'an upload without alt text', upload: async () => ({ file: { bytes: jpeg, name: 'no-alt.jpg', type: 'image/jpeg' }, caption: 'c', credit: 'c' }), status: 400, code: /^invalid_input$/, field: 'alt' },
    { what: 'a PNG named .jpg', upload: async () => ({ ...described, file: { bytes: await picture('png', 600, 400), name: 'liar.jpg', type: 'image/jpeg' } }), status: 400, code: /^extension_mismatch$/ },
    { what: 'a text file', upload: async () => ({ ...described, file: { bytes: Buffer.from('Just some notes, not a picture.\n'), name: 'notes.txt', type: 'text/plain' } }), status: 415, code: /^unsupported_type$/ },
    {
      what: 'a file over the 5 MB limit',
      // A real JPEG with 6 MB of padding after it: the size check must refuse it before anything decodes it.
      upload: async () => ({ ...described, file: { bytes: Buffer.concat([jpeg, Buffer.alloc(6 * 1024 * 1024, 0x20)]), name: 'huge.jpg', type: 'image/jpeg' } }),
      status: 413,
      // Refused by the multipart reader (which stops at the limit) or by the uploader, whichever sees it first.
      code: /file_too_large$/,
    },
  ];

  for (const refusal of refusals) {
    it(`refuses ${refusal.what} with ${refusal.status}, keeping no row and no file`, async () => {
      const rows = await rowCount();
      const files = await fs.readdir(path.join(t.config.dataDir, 'media'), { recursive: true });
      const res = await apiUpload(tokens.contributor, await refusal.upload());
      assert.equal(res.status, refusal.status, JSON.stringify(res.json));
      assert.match(res.json.error?.code ?? '', refusal.code);
      if (refusal.field) assert.equal(res.json.error.field, refusal.field);
      assert.equal(await rowCount(), rows);
      assert.deepEqual(await fs.readdir(path.join(t.config.dataDir, 'media'), { recursive: true }), files);
    });
  }

  it('lists the library newest first and searches it by alt text, caption and file name', async () => {
    const kite = await uploaded(tokens.colleague, { alt: 'A red kite over the moor', caption: 'Wildlife returns.', file: { bytes: jpeg, name: 'moor.jpg', type: 'image/jpeg' } });
    const ferry = await uploaded(tokens.contributor, { alt: 'Passengers boarding', caption: 'The new ferry.', file: { bytes: jpeg, name: 'ferry-terminal.jpg', type: 'image/jpeg' } });
    const all = await api('GET', '/media', tokens.contributor);
    assert.equal(all.status, 200);
    assert.deepEqual(all.json.items.slice(0, 2).map((i: MediaRecord) => i.id), [ferry.id, kite.id]);
    assert.equal(all.json.total, await rowCount());
    for (const q of ['KITE', 'wildlife', 'moor']) {
      const found = await api('GET', `/media?q=${q}`, tokens.contributor);
      assert.deepEqual(found.json.items.map((i: MediaRecord) => i.id), [kite.id], `q=${q}`);
    }
  });

  it('refuses a contributor deleting someone else’s upload with 403, keeping its row and files', async () => {
    const theirs = await uploaded(tokens.colleague);
    const res = await api('DELETE', `/media/${theirs.id}`, tokens.contributor);
    assert.equal(res.status, 403);
    assert.equal(res.json.error.code, 'forbidden');
    assert.ok(await t.app.database.db.selectFrom('media').select('id').where('id', '=', theirs.id).executeTakeFirst());
    for (const url of urlsOf(theirs)) assert.equal(await exists(url), true, url);
  });

  it('lets a contributor delete their own upload (204), its files gone', async () => {
    const mine = await uploaded(tokens.contributor);
    assert.equal((await api('DELETE', `/media/${mine.id}`, tokens.contributor)).status, 204);
    assert.equal((await api('GET', '/media', tokens.contributor)).json.items.some((i: MediaRecord) => i.id === mine.id), false);
    for (const url of urlsOf(mine)) assert.equal(await exists(url), false, url);
    assert.equal((await t.get(mine.url)).status, 404);
  });

  it('lets an editor delete anyone’s upload (204)', async () => {
    const theirs = await uploaded(tokens.colleague);
    assert.equal((await api('DELETE', `/media/${theirs.id}`, tokens.editor)).status, 204);
    for (const url of urlsOf(theirs)) assert.equal(await exists(url), false, url);
  });

  async function pageUpload(withCsrf: boolean) {
    const session = await t.app.staff.startSession(users.contributor.id);
    const body = multipart({ ...described, alt: 'Uploaded from the media page', file: { bytes: jpeg, name: 'from-the-page.jpg', type: 'image/jpeg' }, ...(withCsrf ? { _csrf: session.csrfToken } : {}) });
    const res = await fetch(`${t.baseUrl}/admin/media`, { method: 'POST', headers: { cookie: `bs_session=${session.token}` }, body, redirect: 'manual' });
    return { status: res.status, location: res.headers.get('location') };
  }

  it('uploads from the /admin/media page with the session cookie and _csrf, then redirects to the library', async () => {
    const res = await pageUpload(true);
    assert.equal(res.status, 303);
    const id = Number(/^\/admin\/media\?uploaded=(\d+)$/.exec(res.location ?? '')?.[1]);
    const row = await t.app.database.db.selectFrom('media').selectAll().where('id', '=', id).executeTakeFirst();
    assert.equal(row?.alt, 'Uploaded from the media page');
    assert.equal(row?.uploaded_by, users.contributor.id);
  });

  it('refuses a page upload without _csrf with 403, keeping no row', async () => {
    const rows = await rowCount();
    assert.equal((await pageUpload(false)).status, 403);
    assert.equal(await rowCount(), rows);
  });

  /** The featured <img> of a published article whose image is at `imageUrl`. */
  async function featuredImage(imageUrl: string): Promise<string> {
    const res = await fetch(`${t.baseUrl}/api/admin/v1/articles`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.editor}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: `Pictured ${imageUrl}`, bodyHtml: '<p>With a picture.</p>', status: 'published', authors: [byline], image: { url: imageUrl, alt: 'The picture' } }),
    });
    const json = (await res.json()) as { article: { slug: string } };
    assert.equal(res.status, 201, JSON.stringify(json));
    const img = /<figure class="featured"><img\b[^>]*>/.exec(await t.html(`/articles/${json.article.slug}`))?.[0];
    assert.ok(img, 'the article page has a featured image');
    return img;
  }

  it('gives a featured image from the library a srcset of its variants with widths, and a sizes attribute', async () => {
    const item = await uploaded(tokens.editor);
    const img = await featuredImage(item.url);
    assert.match(img, new RegExp(`src="${item.url}"`));
    const expected = item.variants.map((v) => `${v.url} ${v.width}w`).join(', ');
    assert.match(expected, /480w, .*960w$/);
    assert.match(img, new RegExp(`srcset="${expected}"`));
    assert.match(img, /sizes="[^"]+"/);
  });

  it('gives an image URL not in the library no srcset', async () => {
    const img = await featuredImage('/media/demo/x.svg');
    assert.match(img, /src="\/media\/demo\/x\.svg"/);
    assert.doesNotMatch(img, /srcset=/);
    assert.doesNotMatch(img, /sizes=/);
  });
});
