import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';

/** A urlencoded form body as Fastify hands it over: repeated keys become arrays. */
export type FormBody = Record<string, string | string[] | undefined>;

/** A form's single text value, trimmed ('' when absent). */
export const formText = (form: FormBody, key: string): string => {
  const v = form[key];
  return ((Array.isArray(v) ? v[0] : v) ?? '').trim();
};

/** A form's repeated values (a multi-select, a group of checkboxes), empties dropped. */
export const formList = (form: FormBody, key: string): string[] => {
  const v = form[key];
  return (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter(Boolean);
};

/** Renders a page in the newsroom frame; each admin route module receives one. */
export type RenderPage = (request: FastifyRequest, reply: FastifyReply, title: string, body: ComponentChildren, status?: number) => Promise<FastifyReply>;

/** Sends a signed-out visitor to the sign-in form, to come back here afterwards. */
export const redirectToSignIn = (request: FastifyRequest, reply: FastifyReply) =>
  reply.redirect(`/admin/signin?next=${encodeURIComponent(request.url)}`, 303);
