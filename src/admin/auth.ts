import fastifyCookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import { can, type Action } from './roles.js';
import type { StaffService, StaffUser } from './staff-service.js';

export const SESSION_COOKIE = 'bs_session';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in staff member on /admin and /api/admin, else null. */
    staff: StaffUser | null;
    /** The session's CSRF token when signed in by cookie; null for API tokens, which are not ambient. */
    csrfToken: string | null;
  }
  interface FastifyContextConfig {
    /**
     * The route checks its own login CSRF token (a double-submit cookie) because its form is made for
     * the signed-out; a session's token, which that form cannot carry, is then not asked for.
     */
    loginCsrf?: boolean;
  }
}

const isStaffPath = (url: string) => url.startsWith('/admin') || url.startsWith('/api/admin/');
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Works out who is calling the newsroom's routes: a Bearer API token, or the session cookie. A
 * cookie-authenticated request that changes state must also carry the session's CSRF token, in an
 * `x-csrf-token` header or a `_csrf` form field. Nothing here is cached, anywhere.
 */
export async function registerStaffAuth(app: FastifyInstance, deps: { staff: StaffService }) {
  await app.register(fastifyCookie);
  app.decorateRequest('staff', null);
  app.decorateRequest('csrfToken', null);

  app.addHook('onRequest', async (request, reply) => {
    if (!isStaffPath(request.url)) return;
    reply.header('cache-control', 'no-store');
    const auth = request.headers.authorization;
    if (auth?.startsWith('Bearer ')) {
      request.staff = (await deps.staff.resolveApiToken(auth.slice(7).trim())) ?? null;
      if (!request.staff) throw new AppError('unauthorized', 'That API token is not valid', 401);
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const session = await deps.staff.resolveSession(token);
    if (session) {
      request.staff = session.user;
      request.csrfToken = session.csrfToken;
    }
  });

  app.addHook('preHandler', async (request) => {
    if (!isStaffPath(request.url) || SAFE_METHODS.has(request.method) || !request.csrfToken || request.routeOptions.config?.loginCsrf) return;
    const body = request.body as Record<string, unknown> | undefined;
    // A multipart form's fields arrive as { value } parts.
    const field = typeof body === 'object' && body ? body._csrf : undefined;
    const fromForm = typeof field === 'object' && field !== null && 'value' in field ? (field as { value: unknown }).value : field;
    const sent = request.headers['x-csrf-token'] ?? fromForm;
    if (sent !== request.csrfToken) throw new AppError('csrf_failed', 'This form has expired; reload the page and try again', 403);
  });
}

/** The signed-in staff member, or a 401. */
export function requireStaff(request: FastifyRequest): StaffUser {
  if (!request.staff) throw new AppError('unauthorized', 'Sign in first', 401);
  return request.staff;
}

/** The signed-in staff member if their role allows the action, else a 401 or 403. */
export function requireCan(request: FastifyRequest, action: Action): StaffUser {
  const user = requireStaff(request);
  if (!can(user.role, action)) throw forbidden();
  return user;
}

export const forbidden = () => new AppError('forbidden', 'Your role does not allow this', 403);

/** Sets the session cookie: HttpOnly, SameSite=Lax, and Secure whenever the site is served over HTTPS. */
export function setSessionCookie(reply: FastifyReply, token: string, expiresAt: string, secure: boolean) {
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, expires: new Date(expiresAt) });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean) {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}
