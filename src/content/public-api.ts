import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError, notFound } from '../errors.js';
import { articleShape, articleSummaryShape, fullAuthorShape, sourceShape, termListShape } from './api-shapes.js';
import type { ContentService } from './index.js';
import { parseInput } from '../parse-input.js';
import { slugSchema } from './slug.js';
import { surrogateKeys } from './surrogate-keys.js';
import type { ArticleFilter } from './types.js';

const articlesQuery = z.strictObject({
  region: slugSchema.optional(),
  theme: slugSchema.optional(),
  dossier: slugSchema.optional(),
  author: slugSchema.optional(),
  source: slugSchema.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
const termsQuery = z.strictObject({ kind: z.enum(['region', 'theme', 'dossier']).optional() });
const noQuery = z.strictObject({});
const slugParams = z.object({ slug: slugSchema });

/**
 * The read-only public content API under /api/v1. Unknown or malformed parameters are a 400 naming
 * the parameter; every answer is cacheable and purged with the pages that show the same content.
 */
export function registerPublicApi(app: FastifyInstance, deps: { content: ContentService; siteUrl: string }) {
  const { articles, directory } = deps.content;
  const { siteUrl } = deps;

  async function unknown(field: string, slug: string): Promise<never> {
    throw new AppError('unknown_reference', `${field}: no ${field} "${slug}"`, 400, field);
  }

  app.get('/api/v1/articles', async (request, reply) => {
    const q = parseInput(articlesQuery, request.query);
    const filter: ArticleFilter = { termIds: [] };
    for (const kind of ['region', 'theme', 'dossier'] as const) {
      const slug = q[kind];
      if (!slug) continue;
      const term = await directory.termBySlug(kind, slug);
      filter.termIds!.push(term ? term.id : await unknown(kind, slug));
    }
    if (q.author) filter.authorId = (await directory.authorBySlug(q.author))?.id ?? (await unknown('author', q.author));
    if (q.source) filter.sourceId = (await directory.sourceBySlug(q.source))?.id ?? (await unknown('source', q.source));
    const page = await articles.page(filter, q.page, q.limit);
    reply.surrogateKeys = [surrogateKeys.articleLists];
    return {
      articles: page.items.map((a) => articleSummaryShape(siteUrl, a)),
      page: page.page,
      limit: page.pageSize,
      total: page.total,
      totalPages: page.totalPages,
    };
  });

  app.get('/api/v1/articles/:slug', async (request, reply) => {
    parseInput(noQuery, request.query);
    const article = await articles.publishedBySlug(parseInput(slugParams, request.params).slug);
    if (!article) throw notFound('article');
    reply.surrogateKeys = [
      surrogateKeys.article(article.id),
      ...article.authors.map((a) => surrogateKeys.author(a.id)),
      ...(article.source ? [surrogateKeys.source(article.source.id)] : []),
    ];
    return { article: articleShape(siteUrl, article) };
  });

  app.get('/api/v1/authors', async (request, reply) => {
    parseInput(noQuery, request.query);
    reply.surrogateKeys = [surrogateKeys.articleLists];
    return { authors: (await directory.listAuthors()).map((a) => fullAuthorShape(siteUrl, a)) };
  });

  app.get('/api/v1/terms', async (request, reply) => {
    const { kind } = parseInput(termsQuery, request.query);
    reply.surrogateKeys = [surrogateKeys.articleLists];
    return { terms: (await directory.listTerms(kind)).map(termListShape) };
  });

  app.get('/api/v1/sources', async (request, reply) => {
    parseInput(noQuery, request.query);
    reply.surrogateKeys = [surrogateKeys.articleLists];
    return { sources: (await directory.listSources()).map((s) => sourceShape(siteUrl, s)) };
  });
}
