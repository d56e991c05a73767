import type { FastifyInstance } from 'fastify';
import { articleSummaryShape } from '../content/api-shapes.js';
import { surrogateKeys, type ContentService } from '../content/index.js';
import { parseInput } from '../parse-input.js';
import type { SearchService } from './index.js';
import { resolveFilter, searchApiQuery } from './inputs.js';

/**
 * GET /api/v1/search?q=…: the articles list's JSON shape, each with `snippetHtml` (escaped text, hits
 * in <mark>). Cacheable, and purged with every list when any article changes.
 */
export function registerSearchApi(app: FastifyInstance, deps: { search: SearchService; content: ContentService; siteUrl: string }) {
  app.get('/api/v1/search', async (request, reply) => {
    const q = parseInput(searchApiQuery, request.query);
    const filter = await resolveFilter(deps.content.directory, q);
    const results = await deps.search.search({ text: q.q, filter, page: q.page, pageSize: q.limit });
    reply.surrogateKeys = [surrogateKeys.articleLists];
    return {
      query: results.words.join(' '),
      articles: results.items.map((hit) => ({ ...articleSummaryShape(deps.siteUrl, hit.article), snippetHtml: hit.snippetHtml })),
      page: results.page,
      limit: results.pageSize,
      total: results.total,
      totalPages: results.totalPages,
    };
  });
}
