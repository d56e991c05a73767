import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import type { Kysely } from 'kysely';
import sharp from 'sharp';
import type { Clock } from '../../src/clock.js';
import { connectDatabase, type DatabaseHandle } from '../../src/db/connect.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import type { Database } from '../../src/db/schema.js';
import { createMediaService, srcset, type MediaRecord, type MediaService, type UploadInput } from '../../src/media/index.js';
import { forEachDatabase, scratchDatabase, type ScratchDatabase } from '../helpers/databases.js';
import { appError } from '../helpers/assertions.js';

const MAX_BYTES = 5 * 1024 * 1024;


/** A clock the test moves by hand, so "newest first" does not depend on how fast the machine is. */
function steppingClock(iso: string) {
  let now = new Date(iso);
  return {
    now: () => new Date(now),
    advance(ms: number) {
      now = new Date(now.getTime() + ms);
    },
  } satisfies Clock & { advance(ms: number): void };
}

/** A solid-colour image of the given size and format. */
const solid = (width: number, height: number, format: 'png' | 'webp' | 'avif') =>
  sharp({ create: { width, height, channels: 4, background: { r: 20, g: 120, b: 200, alpha: 0.8 } } })
    .toFormat(format)
    .toBuffer();

/**
 * A 2000×1200 photo, red on the left and blue on the right, whose EXIF says "rotate 90° clockwise
 * to view" and carries a camera name and a GPS position, as phones write them.
 */
async function sidewaysPhotoWithGps(): Promise<Buffer> {
  const width = 2000;
  const height = 1200;
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) pixels[(y * width + x) * 3 + (x < width / 2 ? 0 : 2)] = 255;
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'Test Camera', Model: 'Field Unit' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 0/1', GPSLongitudeRef: 'W', GPSLongitude: '0/1 7/1 0/1' },
    })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

/** A PNG chunk: length, type, data and the CRC the format requires. */
function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A few hundred bytes claiming to be a 100000×100000 RGB PNG: ten gigapixels if anyone decoded it. */
function pngBomb(): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(100_000, 0);
  header.writeUInt32BE(100_000, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', zlib.deflateSync(Buffer.alloc(1000))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Every file under a folder, relative to it with forward slashes, sorted; none when it does not exist yet. */
async function filesUnder(root: string): Promise<string[]> {
  const found: string[] = [];
  async function walk(dir: string) {
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else found.push(path.relative(root, full).split(path.sep).join('/'));
    }
  }
  await walk(root);
  return found.sort();
}

const countRows = async (db: Kysely<Database>) =>
  Number((await db.selectFrom('media').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

/** The red, green and blue of one pixel of a stored image. */
async function pixelAt(file: string, x: number, y: number): Promise<number[]> {
  const data = await sharp(file).extract({ left: x, top: y, width: 1, height: 1 }).removeAlpha().raw().toBuffer();
  return [...data];
}

forEachDatabase('the media library', (dialect) => {
  let scratch: ScratchDatabase;
  let handle: DatabaseHandle;
  let media: MediaService;
  let mediaDir: string;
  const clock = steppingClock('2026-11-20T12:00:00.000Z');
  const images = {} as { photo: Buffer; png: Buffer; smallPng: Buffer; webp: Buffer; avif: Buffer };

  before(async () => {
    scratch = await scratchDatabase(dialect);
    handle = await connectDatabase(scratch.config);
    await migrateToLatest(handle, scratch.config.dialect === 'postgres' ? scratch.config.schema : undefined);
    mediaDir = path.join(scratch.dataDir, 'media');
    media = createMediaService({ db: handle.db, clock, mediaDir, maxBytes: MAX_BYTES });
    images.photo = await sidewaysPhotoWithGps();
    images.png = await solid(700, 400, 'png');
    images.smallPng = await solid(300, 200, 'png');
    images.webp = await solid(1000, 600, 'webp');
    images.avif = await solid(1700, 300, 'avif');
  });
  after(async () => {
    await handle?.close();
    await scratch?.drop();
  });

  const describing = { alt: 'Fishing boats at the harbour wall', caption: 'Morning at the harbour.', credit: 'Ana Ruiz / The Ledger' };
  const upload = (filename: string, bytes: Buffer, extra: Partial<UploadInput> = {}) => {
    clock.advance(1000);
    return media.upload({ filename, bytes, ...describing, ...extra });
  };
  /** The file on disk behind a /media/ URL. */
  const fileOf = (url: string) => {
    assert.match(url, /^\/media\/2026\/11\/[a-z0-9]+-[a-z0-9-]+\.(jpg|png|webp|avif)$/);
    return path.join(mediaDir, ...url.slice('/media/'.length).split('/'));
  };
  const filesOfRecord = (record: MediaRecord) => [record.url, ...record.variants.map((v) => v.url)].map((url) => url.slice('/media/'.length));

  /** Asserts the upload is refused as expected, and that no row and no file (not even a temporary one) was left. */
  async function assertRefused(input: unknown, validate: (error: unknown) => boolean, service: MediaService = media) {
    const rowsBefore = await countRows(handle.db);
    const filesBefore = await filesUnder(mediaDir);
    await assert.rejects(service.upload(input as UploadInput), validate);
    assert.equal(await countRows(handle.db), rowsBefore, 'no media row was added');
    assert.deepEqual(await filesUnder(mediaDir), filesBefore, 'no file was left in the media folder');
  }

  describe('accepted uploads', () => {
    it('stores a JPEG upright, with WebP variants only at widths the photo reaches', async () => {
      const record = await upload('Harbour at Dawn.JPG', images.photo);
      // The EXIF says the 2000×1200 frame is on its side: upright it is 1200 wide, so no 1600 variant.
      assert.equal(record.width, 1200);
      assert.equal(record.height, 2000);
      assert.equal(record.mimeType, 'image/jpeg');
      assert.match(record.url, /^\/media\/2026\/11\/[a-z0-9]+-harbour-at-dawn\.jpg$/);
      assert.deepEqual(
        record.variants.map((v) => [v.width, v.height]),
        [
          [480, 800],
          [960, 1600],
        ],
      );

      const original = fileOf(record.url);
      const stored = await sharp(original).metadata();
      assert.equal(stored.format, 'jpeg');
      assert.deepEqual([stored.width, stored.height], [1200, 2000]);
      assert.equal(record.byteSize, (await fs.stat(original)).size);
      // The left (red) half of the sideways frame is the top once turned upright.
      const [topR, , topB] = await pixelAt(original, 600, 20);
      const [bottomR, , bottomB] = await pixelAt(original, 600, 1980);
      assert.ok(topR! > 200 && topB! < 50, `top is red, got ${topR},${topB}`);
      assert.ok(bottomB! > 200 && bottomR! < 50, `bottom is blue, got ${bottomR},${bottomB}`);

      for (const variant of record.variants) {
        const meta = await sharp(fileOf(variant.url)).metadata();
        assert.equal(meta.format, 'webp');
        assert.deepEqual([meta.width, meta.height], [variant.width, variant.height]);
        assert.match(variant.url, new RegExp(`-${variant.width}\\.webp$`));
      }
      assert.deepEqual(record, await media.get(record.id));
    });

    it('strips EXIF, GPS and every other metadata from the original and the variants', async () => {
      const source = await sharp(images.photo).metadata();
      assert.equal(source.orientation, 6, 'the test photo carries an orientation');
      assert.ok(source.exif?.includes('Test Camera'), 'the test photo carries a camera name');
      assert.ok(source.exif?.includes(Buffer.from([0x25, 0x88])), 'the test photo carries a GPS directory');

      const record = await upload('located.jpg', images.photo);
      for (const url of [record.url, ...record.variants.map((v) => v.url)]) {
        const meta = await sharp(fileOf(url)).metadata();
        assert.equal(meta.exif, undefined, `${url} has no EXIF`);
        assert.equal(meta.xmp, undefined, `${url} has no XMP`);
        assert.equal(meta.iptc, undefined, `${url} has no IPTC`);
        assert.equal(meta.orientation, undefined, `${url} has no orientation tag`);
        const bytes = await fs.readFile(fileOf(url));
        assert.ok(!bytes.includes('Test Camera'), `${url} does not name the camera`);
      }
    });

    it('stores a PNG as PNG and makes only the variants it is wide enough for', async () => {
      const record = await upload('chart.png', images.png);
      assert.equal(record.mimeType, 'image/png');
      assert.match(record.url, /-chart\.png$/);
      assert.equal((await sharp(fileOf(record.url)).metadata()).format, 'png');
      assert.deepEqual([record.width, record.height], [700, 400]);
      assert.deepEqual(
        record.variants.map((v) => v.width),
        [480],
      );
    });

    it('makes no variant of an image narrower than the smallest width, and never enlarges it', async () => {
      const record = await upload('icon.png', images.smallPng);
      assert.deepEqual([record.width, record.height], [300, 200]);
      assert.deepEqual(record.variants, []);
      assert.deepEqual(await filesUnder(path.dirname(fileOf(record.url))).then((all) => all.filter((f) => f.includes('-icon'))), [
        path.basename(fileOf(record.url)),
      ]);
    });

    it('stores a WebP original beside its WebP variants', async () => {
      const record = await upload('market.webp', images.webp);
      assert.equal(record.mimeType, 'image/webp');
      assert.match(record.url, /-market\.webp$/);
      assert.deepEqual(
        record.variants.map((v) => v.width),
        [480, 960],
      );
      const all = await filesUnder(mediaDir);
      for (const file of filesOfRecord(record)) assert.ok(all.includes(file), `${file} is stored`);
      assert.equal((await sharp(fileOf(record.url)).metadata()).width, 1000);
    });

    it('stores an AVIF as AVIF with every variant width', async () => {
      const record = await upload('skyline.avif', images.avif);
      assert.equal(record.mimeType, 'image/avif');
      assert.match(record.url, /-skyline\.avif$/);
      const stored = await sharp(fileOf(record.url)).metadata();
      assert.equal(stored.format, 'heif');
      assert.equal(stored.compression, 'av1');
      assert.deepEqual(
        record.variants.map((v) => v.width),
        [480, 960, 1600],
      );
      for (const variant of record.variants) assert.equal((await sharp(fileOf(variant.url)).metadata()).width, variant.width);
    });

    it('accepts a file with no extension, naming the stored file by what it really is', async () => {
      const record = await upload('scan', images.png);
      assert.match(record.url, /-scan\.png$/);
    });

    it('leaves exactly the original and its variants in the media folder, no temporary files', async () => {
      const before = await filesUnder(mediaDir);
      const record = await upload('tidy.webp', images.webp);
      const added = (await filesUnder(mediaDir)).filter((f) => !before.includes(f));
      assert.deepEqual(added, filesOfRecord(record).sort());
    });

    it('keeps the alt text, caption, credit and uploader', async () => {
      const record = await upload('C:\\Users\\ana\\Pictures\\quay.png', images.smallPng, {
        alt: '  A quay  ',
        caption: 'The quay.',
        credit: 'Ana Ruiz',
        uploadedBy: 7,
      });
      assert.equal(record.filename, 'quay.png', 'only the last part of a path is kept');
      assert.deepEqual([record.alt, record.caption, record.credit, record.uploadedBy], ['A quay', 'The quay.', 'Ana Ruiz', 7]);
      assert.equal(record.createdAt, clock.now().toISOString());
    });
  });

  describe('refused uploads', () => {
    it('refuses a PNG named .jpg, saying it is really a PNG', async () => {
      await assertRefused({ filename: 'photo.jpg', bytes: images.png, ...describing }, (error) => {
        appError('extension_mismatch', 400, 'filename')(error);
        assert.match((error as Error).message, /really a PNG/);
        return true;
      });
    });

    it('refuses a JPEG named .webp', async () => {
      await assertRefused({ filename: 'photo.webp', bytes: images.photo, ...describing }, (error) => {
        appError('extension_mismatch', 400, 'filename')(error);
        assert.match((error as Error).message, /really a JPEG/);
        return true;
      });
    });

    it('refuses a text file named .jpg', async () => {
      const text = Buffer.from('These are not the pixels you are looking for.\n'.repeat(20));
      await assertRefused({ filename: 'notes.jpg', bytes: text, ...describing }, appError('unsupported_type', 415, 'file'));
    });

    it('refuses a GIF, naming what it is', async () => {
      const gif = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#000' } }).gif().toBuffer();
      await assertRefused({ filename: 'anim.gif', bytes: gif, ...describing }, (error) => {
        appError('unsupported_type', 415, 'file')(error);
        assert.match((error as Error).message, /GIF/);
        return true;
      });
    });

    it('refuses a truncated JPEG', async () => {
      const truncated = images.photo.subarray(0, Math.floor(images.photo.length / 2));
      await assertRefused({ filename: 'cut.jpg', bytes: truncated, ...describing }, appError('corrupt_image', 400, 'file'));
    });

    it('refuses a file with a PNG signature and garbage after it', async () => {
      const garbage = Buffer.concat([images.png.subarray(0, 8), Buffer.alloc(500, 7)]);
      await assertRefused({ filename: 'broken.png', bytes: garbage, ...describing }, appError('corrupt_image', 400, 'file'));
    });

    it('refuses a decompression bomb from its header, before decoding it', async () => {
      // Decoding this file would fail as corrupt (its pixel data is a few zero bytes), so being
      // told it is too large shows the dimensions were checked first.
      await assertRefused({ filename: 'bomb.png', bytes: pngBomb(), ...describing }, (error) => {
        appError('image_too_large', 413, 'file')(error);
        assert.match((error as Error).message, /100000×100000/);
        return true;
      });
    });

    it('refuses a real image with more pixels than the configured limit', async () => {
      const strict = createMediaService({ db: handle.db, clock, mediaDir, maxBytes: MAX_BYTES, maxPixels: 1_000_000 });
      await assertRefused({ filename: 'big.jpg', bytes: images.photo, ...describing }, appError('image_too_large', 413, 'file'), strict);
    });

    it('refuses an empty file', async () => {
      await assertRefused({ filename: 'empty.jpg', bytes: Buffer.alloc(0), ...describing }, appError('empty_file', 400, 'file'));
    });

    it('refuses a file over the size limit', async () => {
      const small = createMediaService({ db: handle.db, clock, mediaDir, maxBytes: images.png.length - 1 });
      await assertRefused({ filename: 'chart.png', bytes: images.png, ...describing }, appError('file_too_large', 413, 'file'), small);
      // Exactly at the limit is fine.
      const exact = createMediaService({ db: handle.db, clock, mediaDir, maxBytes: images.png.length });
      await exact.upload({ filename: 'chart.png', bytes: images.png, ...describing });
    });

    for (const field of ['alt', 'caption', 'credit'] as const) {
      it(`refuses an upload without ${field}`, async () => {
        const { [field]: _omitted, ...rest } = describing;
        await assertRefused({ filename: 'ok.png', bytes: images.smallPng, ...rest }, appError('invalid_input', 400, field));
      });

      it(`refuses an upload whose ${field} is only spaces`, async () => {
        await assertRefused({ filename: 'ok.png', bytes: images.smallPng, ...describing, [field]: '   ' }, appError('invalid_input', 400, field));
      });
    }

    it('removes the files it wrote when the row cannot be saved', async () => {
      // The database refuses the insert, which comes only after every file has been written.
      const failingInserts = handle.db.withPlugin({
        transformQuery: ({ node }) => {
          if (node.kind === 'InsertQueryNode') throw new Error('the database is unavailable');
          return node;
        },
        transformResult: async ({ result }) => result,
      });
      const ownDir = path.join(scratch.dataDir, 'media-db-down');
      const broken = createMediaService({ db: failingInserts, clock, mediaDir: ownDir, maxBytes: MAX_BYTES });
      const rowsBefore = await countRows(handle.db);
      await assert.rejects(broken.upload({ filename: 'lost.webp', bytes: images.webp, ...describing }), /the database is unavailable/);
      assert.deepEqual(await filesUnder(ownDir), []);
      assert.equal(await countRows(handle.db), rowsBefore);
    });

    it('refuses an upload without file contents', async () => {
      await assertRefused({ filename: 'ok.png', ...describing }, appError('invalid_input', 400, 'bytes'));
    });
  });

  describe('the library', () => {
    it('finds items by file name, alt text or caption, ignoring case', async () => {
      const byName = await upload('Lighthouse-Keeper.png', images.smallPng);
      const byAlt = await upload('portrait.png', images.smallPng, { alt: 'The LIGHTHOUSE keeper at work' });
      const byCaption = await upload('rocks.png', images.smallPng, { caption: 'Rocks below the lighthouse.' });
      await upload('unrelated.png', images.smallPng);

      const found = await media.list({ q: 'lighthouse' });
      assert.deepEqual(
        found.items.map((m) => m.id),
        [byCaption.id, byAlt.id, byName.id],
        'newest first',
      );
      assert.equal(found.total, 3);
      assert.deepEqual((await media.list({ q: 'LIGHTHOUSE keeper' })).items.map((m) => m.id), [byAlt.id]);
    });

    it('treats % and _ in a search as plain characters', async () => {
      await upload('percent.png', images.smallPng, { caption: 'Turnout rose 5% this year' });
      assert.equal((await media.list({ q: '5%' })).total, 1);
      assert.equal((await media.list({ q: '%' })).total, 1);
      assert.equal((await media.list({ q: 'p_rcent' })).total, 0);
    });

    it('lists everything newest first, a page at a time', async () => {
      const all = await media.list({});
      const total = await countRows(handle.db);
      assert.equal(all.total, total);
      assert.equal(all.page, 1);
      assert.equal(all.items.length, Math.min(total, all.pageSize));
      const times = all.items.map((m) => m.createdAt);
      assert.deepEqual(times, [...times].sort().reverse());
      const beyond = await media.list({ page: all.totalPages + 1 });
      assert.deepEqual(beyond.items, []);
    });

    it('refuses a page number below 1', async () => {
      await assert.rejects(media.list({ page: 0 }), appError('invalid_input', 400, 'page'));
    });

    it('updates the alt text, caption and credit, keeping what is not given', async () => {
      const record = await upload('edit-me.png', images.smallPng);
      const updated = await media.update(record.id, { caption: 'A better caption.', credit: 'Staff' });
      assert.deepEqual([updated.alt, updated.caption, updated.credit], [describing.alt, 'A better caption.', 'Staff']);
      assert.deepEqual(await media.get(record.id), updated);
    });

    it('refuses to blank a required field on update, changing nothing', async () => {
      const record = await upload('keep-me.png', images.smallPng);
      await assert.rejects(media.update(record.id, { alt: '', caption: 'New' }), appError('invalid_input', 400, 'alt'));
      await assert.rejects(media.update(record.id, {}), appError('invalid_input', 400));
      assert.deepEqual(await media.get(record.id), record);
    });

    it('answers not found for an item that does not exist', async () => {
      assert.equal(await media.get(999_999), undefined);
      await assert.rejects(media.update(999_999, { alt: 'x' }), appError('not_found', 404));
      await assert.rejects(media.remove(999_999), appError('not_found', 404));
    });

    it('removes an item with every one of its files', async () => {
      const keep = await upload('neighbour.webp', images.webp);
      const record = await upload('doomed.webp', images.webp);
      const rowsBefore = await countRows(handle.db);
      await media.remove(record.id);

      assert.equal(await media.get(record.id), undefined);
      assert.equal(await countRows(handle.db), rowsBefore - 1);
      const left = await filesUnder(mediaDir);
      for (const file of filesOfRecord(record)) assert.ok(!left.includes(file), `${file} is deleted`);
      for (const file of filesOfRecord(keep)) assert.ok(left.includes(file), `${file} of another item is kept`);
    });
  });
});

describe('srcset', () => {
  it('lists each variant URL with its width, narrowest first', () => {
    assert.equal(
      srcset([
        { width: 960, url: '/media/2026/11/a-x-960.webp' },
        { width: 480, url: '/media/2026/11/a-x-480.webp' },
        { width: 1600, url: '/media/2026/11/a-x-1600.webp' },
      ]),
      '/media/2026/11/a-x-480.webp 480w, /media/2026/11/a-x-960.webp 960w, /media/2026/11/a-x-1600.webp 1600w',
    );
  });

  it('is empty when there are no variants', () => {
    assert.equal(srcset([]), '');
  });
});
