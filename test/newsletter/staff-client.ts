import { before } from 'node:test';
import type { StaffRole } from '../../src/db/schema.js';
import type { RunningApp } from '../helpers/test-app.js';

/** One signed-in staff member per role, and real requests made as them (cookie and CSRF token included). */
export interface StaffClient {
  ids: Record<StaffRole, number>;
  get(role: StaffRole | null, path: string): Promise<Response>;
  /** A urlencoded form post; `csrf: null` leaves the token out. */
  post(role: StaffRole | null, path: string, fields: Record<string, string>, csrf?: string | null): Promise<Response>;
  /** A multipart form post, as a browser sends a form with a file input. */
  postMultipart(role: StaffRole, path: string, fields: Record<string, string>, file?: { name: string; bytes: Buffer | string }, csrf?: string | null): Promise<Response>;
}

/** Creates the four staff members (in a before() hook of the calling suite) and returns their client. */
export function useStaff(t: RunningApp): StaffClient {
  const sessions = {} as Record<StaffRole, { cookie: string; csrf: string }>;
  const ids = {} as Record<StaffRole, number>;
  before(async () => {
    for (const role of ['owner', 'editor', 'author', 'contributor'] as const) {
      const user = await t.app.staff.create({ email: `${role}@news.test`, name: `${role} person`, role });
      const session = await t.app.staff.startSession(user.id);
      ids[role] = user.id;
      sessions[role] = { cookie: `bs_session=${session.token}`, csrf: session.csrfToken };
    }
  });
  const cookie = (role: StaffRole | null): Record<string, string> => (role ? { cookie: sessions[role].cookie } : {});
  const token = (role: StaffRole | null, csrf: string | null | undefined) => (csrf === undefined ? (role ? sessions[role].csrf : null) : csrf);

  return {
    ids,
    get: (role, path) => fetch(t.baseUrl + path, { headers: cookie(role), redirect: 'manual' }),
    post(role, path, fields, csrf) {
      const sent = token(role, csrf);
      return fetch(t.baseUrl + path, {
        method: 'POST',
        headers: { ...cookie(role), 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ ...(sent === null ? {} : { _csrf: sent }), ...fields }),
        redirect: 'manual',
      });
    },
    postMultipart(role, path, fields, file, csrf) {
      const form = new FormData();
      const sent = token(role, csrf);
      if (sent !== null) form.append('_csrf', sent);
      for (const [key, value] of Object.entries(fields)) form.append(key, value);
      if (file) form.append('file', new Blob([typeof file.bytes === 'string' ? file.bytes : new Uint8Array(file.bytes)], { type: 'text/csv' }), file.name);
      return fetch(t.baseUrl + path, { method: 'POST', headers: cookie(role), body: form, redirect: 'manual' });
    },
  };
}
