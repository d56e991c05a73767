import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';

/**
 * A urlencoded form body as Fastify hands it over: repeated keys become arrays. Anything else that
 * arrives (a multipart body's part objects, JSON numbers) is not text and reads as absent.
 */
export type FormBody = Record<string, unknown>;

const texts = (v: unknown): string[] => (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string');

/** A form's single text value, trimmed ('' when absent or not text). */
export const formText = (form: FormBody, key: string): string => (texts(form[key])[0] ?? '').trim();

/** A form's repeated values (a multi-select, a group of checkboxes), empties dropped. */
export const formList = (form: FormBody, key: string): string[] => texts(form[key]).filter(Boolean);

/** Renders a page in the newsroom frame; each admin route module receives one. */
export type RenderPage = (request: FastifyRequest, reply: FastifyReply, title: string, body: ComponentChildren, status?: number) => Promise<FastifyReply>;

/** Sends a signed-out visitor to the sign-in form, to come back here afterwards. */
export const redirectToSignIn = (request: FastifyRequest, reply: FastifyReply) =>
  reply.redirect(`/admin/signin?next=${encodeURIComponent(request.url)}`, 303);
