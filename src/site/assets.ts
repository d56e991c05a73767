import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { acceptsGzip } from '../cache/conditional.js';

interface Asset {
  url: string;
  type: string;
  body: Buffer;
  gzipped: Buffer;
}

function load(dir: string, file: string, type: string, fingerprint: boolean): Asset {
  const body = fs.readFileSync(path.join(dir, file));
  const hash = createHash('sha1').update(body).digest('hex').slice(0, 10);
  const ext = path.extname(file);
  const url = fingerprint ? `/assets/${path.basename(file, ext)}.${hash}${ext}` : `/${file}`;
  return { url, type, body, gzipped: gzipSync(body, { level: 9 }) };
}

/**
 * The site's own static files, read once at start-up and served from memory. The stylesheet's URL
 * carries a hash of its content, so browsers may keep it for a year.
 */
export function registerAssets(app: FastifyInstance, publicDir: string) {
  const stylesheet = load(publicDir, 'site.css', 'text/css; charset=utf-8', true);
  const icon = load(publicDir, 'favicon.svg', 'image/svg+xml', false);
  for (const [asset, cacheControl] of [
    [stylesheet, 'public, max-age=31536000, immutable'],
    [icon, 'public, max-age=86400'],
  ] as const) {
    app.get(asset.url, async (request, reply) => {
      reply.type(asset.type).header('cache-control', cacheControl).header('vary', 'Accept-Encoding');
      if (acceptsGzip(request.headers)) return reply.header('content-encoding', 'gzip').send(asset.gzipped);
      return reply.send(asset.body);
    });
  }
  return { stylesheetUrl: stylesheet.url };
}
