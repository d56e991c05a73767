import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';

/** Renders the site's HTML error page for a status and a message meant for readers (and the error's code), in the request's language. */
export type ErrorPageRenderer = (status: number, message: string, request: FastifyRequest, code: string) => Promise<string>;

interface Problem {
  status: number;
  code: string;
  message: string;
  field?: string;
}

function problemOf(error: unknown): Problem | undefined {
  if (error instanceof AppError) {
    return { status: error.status, code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) };
  }
  const fe = error as Partial<FastifyError>;
  // Fastify's own 4xx (a malformed body, a bad content type, too large a payload) are the client's fault.
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return { status: fe.statusCode, code: (fe.code ?? 'bad_request').toLowerCase(), message: fe.message ?? 'Bad request' };
  }
  return undefined;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A JSON endpoint outside /api/ (the editor island's autosave): its failures are answered in JSON too. */
    jsonErrors?: boolean;
  }
}

const wantsJson = (request: FastifyRequest) =>
  request.url.startsWith('/api/') || request.url === '/healthz' || request.routeOptions.config?.jsonErrors === true;

/**
 * The one place where failures become responses: `{ error: { code, message, field? } }` for the
 * APIs, the site's error page for everything else. Unexpected errors are logged with their stack
 * and answered with a bare 500 that reveals nothing.
 */
export function registerErrorHandling(app: FastifyInstance, renderPage: ErrorPageRenderer) {
  async function send(request: FastifyRequest, reply: FastifyReply, problem: Problem) {
    reply.code(problem.status).header('cache-control', 'no-store');
    if (wantsJson(request)) {
      const { status: _status, ...error } = problem;
      return reply.type('application/json; charset=utf-8').send({ error });
    }
    let html: string;
    try {
      html = await renderPage(problem.status, problem.message, request, problem.code);
    } catch (error) {
      // The site frame needs the database; when that is what failed, a bare page still answers.
      request.log.error({ err: error }, 'could not render the error page');
      html = `<!doctype html><html lang="en"><title>Error ${problem.status}</title><h1>${problem.status === 404 ? 'Page not found' : 'Something went wrong'}</h1></html>`;
    }
    return reply.type('text/html; charset=utf-8').send(html);
  }

  app.setErrorHandler(async (error, request, reply) => {
    const problem = problemOf(error);
    if (problem) return send(request, reply, problem);
    request.log.error({ err: error }, 'unexpected error');
    return send(request, reply, { status: 500, code: 'internal_error', message: 'Something went wrong on our side' });
  });

  app.setNotFoundHandler(async (request, reply) =>
    send(request, reply, { status: 404, code: 'not_found', message: 'We could not find that page' }),
  );
}
