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

const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Reads a static file once and serves it from memory under `urlDir`. A fingerprinted URL carries a
 * hash of the content, so browsers may keep it for a year; otherwise it is revalidated daily.
 */
export function serveAsset(app: FastifyInstance, file: string, opts: { type: string; urlDir: string; fingerprint: boolean }): string {
  const body = fs.readFileSync(file);
  const ext = path.extname(file);
  const hash = createHash('sha1').update(body).digest('hex').slice(0, 10);
  const name = opts.fingerprint ? `${path.basename(file, ext)}.${hash}${ext}` : path.basename(file);
  const asset: Asset = { url: `${opts.urlDir}/${name}`, type: opts.type, body, gzipped: gzipSync(body, { level: 9 }) };
  const cacheControl = opts.fingerprint ? IMMUTABLE : 'public, max-age=86400';
  app.get(asset.url, async (request, reply) => {
    reply.type(asset.type).header('cache-control', cacheControl).header('vary', 'Accept-Encoding');
    if (acceptsGzip(request.headers)) return reply.header('content-encoding', 'gzip').send(asset.gzipped);
    return reply.send(asset.body);
  });
  return asset.url;
}

/**
 * The public site's own static files: its stylesheet and icon, and the share island once built
 * (pages work without it: it only adds the system share button).
 */
export function registerAssets(app: FastifyInstance, publicDir: string, clientDir: string) {
  const stylesheetUrl = serveAsset(app, path.join(publicDir, 'site.css'), { type: 'text/css; charset=utf-8', urlDir: '/assets', fingerprint: true });
  serveAsset(app, path.join(publicDir, 'favicon.svg'), { type: 'image/svg+xml', urlDir: '', fingerprint: false });
  const shareFile = path.join(clientDir, 'share.js');
  const shareScriptUrl = fs.existsSync(shareFile)
    ? serveAsset(app, shareFile, { type: 'text/javascript; charset=utf-8', urlDir: '/assets', fingerprint: true })
    : undefined;
  return { stylesheetUrl, shareScriptUrl };
}
