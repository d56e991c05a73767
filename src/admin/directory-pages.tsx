import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ContentService, TermKind } from '../content/index.js';
import { parseInput } from '../parse-input.js';
import { AppError } from '../errors.js';
import type { AuditLog } from './audit-log.js';
import { formText, redirectToSignIn, type FormBody, type RenderPage } from './form-fields.js';
import { requireCan } from './auth.js';
import { DirectoryPage, type DirectoryView, type FieldSpec } from './views/directory-page.js';


const PAGE_SIZE = 50;
const listQuery = z.object({
  q: z.string().trim().max(200).default(''),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  edit: z.string().max(120).optional(),
});

/** "Label | https://…" lines, as the links textarea shows them, and back. */
const linksFromText = (value: string) =>
  value
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [label = '', url = ''] = line.split('|').map((p) => p.trim());
      return { label, url };
    });
const linksToText = (links: { label: string; url: string }[]) => links.map((l) => `${l.label} | ${l.url}`).join('\n');

interface Directory<T> {
  title: string;
  path: string;
  fields: FieldSpec[];
  list(): Promise<T[]>;
  row(item: T): { slug: string; name: string; detail: string };
  values(item: T): Record<string, string>;
  toInput(form: FormBody): unknown;
  save(input: unknown): Promise<{ slug: string }>;
}

const slugField: FieldSpec = { name: 'slug', label: 'Slug', required: true, hint: 'lower-case letters, digits and hyphens; an existing slug updates that entry' };
const nameField: FieldSpec = { name: 'name', label: 'Name', required: true };

/**
 * The newsroom's directories under /admin: authors, partner sources, and the three kinds of term.
 * Editors and owners may change them; everyone signed in may look.
 */
export function registerDirectoryPages(app: FastifyInstance, deps: { content: ContentService; audit: AuditLog; renderPage: RenderPage }) {
  const { directory } = deps.content;

  const authors: Directory<Awaited<ReturnType<typeof directory.listAuthors>>[number]> = {
    title: 'Authors',
    path: '/admin/authors',
    fields: [slugField, nameField, { name: 'bio', label: 'Biography', kind: 'textarea' }, { name: 'avatarUrl', label: 'Portrait', hint: 'a /media/ address' }, { name: 'links', label: 'Links', kind: 'textarea', hint: 'one per line: Label | https://…' }],
    list: () => directory.listAuthors(),
    row: (a) => ({ slug: a.slug, name: a.name, detail: a.bio.slice(0, 120) }),
    values: (a) => ({ slug: a.slug, name: a.name, bio: a.bio, avatarUrl: a.avatarUrl ?? '', links: linksToText(a.links) }),
    toInput: (f) => ({ slug: formText(f, 'slug'), name: formText(f, 'name'), bio: formText(f, 'bio'), avatarUrl: formText(f, 'avatarUrl') || null, links: linksFromText(formText(f, 'links')) }),
    save: (input) => directory.saveAuthor(input),
  };

  const sources: Directory<Awaited<ReturnType<typeof directory.listSources>>[number]> = {
    title: 'Partner sources',
    path: '/admin/sources',
    fields: [slugField, nameField, { name: 'homepageUrl', label: 'Home page', kind: 'url', required: true }, { name: 'copyrightHolder', label: 'Copyright holder', required: true }, { name: 'attribution', label: 'Attribution', kind: 'textarea', hint: 'the partner\'s own credit line, shown under its pieces' }, { name: 'allowRepublish', label: 'Others may republish what we cross-post from this partner', kind: 'checkbox' }],
    list: () => directory.listSources(),
    row: (s) => ({ slug: s.slug, name: s.name, detail: `© ${s.copyrightHolder} · ${s.homepageUrl}` }),
    values: (s) => ({ slug: s.slug, name: s.name, homepageUrl: s.homepageUrl, copyrightHolder: s.copyrightHolder, attribution: s.attribution, allowRepublish: s.allowRepublish ? '1' : '' }),
    toInput: (f) => ({ slug: formText(f, 'slug'), name: formText(f, 'name'), homepageUrl: formText(f, 'homepageUrl'), copyrightHolder: formText(f, 'copyrightHolder'), attribution: formText(f, 'attribution'), allowRepublish: formText(f, 'allowRepublish') === '1' }),
    save: (input) => directory.saveSource(input),
  };

  const terms = (kind: TermKind, title: string): Directory<Awaited<ReturnType<typeof directory.listTerms>>[number]> => ({
    title,
    path: `/admin/${kind === 'dossier' ? 'dossiers' : `${kind}s`}`,
    fields: [slugField, nameField, { name: 'description', label: 'Description', kind: 'textarea' }],
    list: () => directory.listTerms(kind),
    row: (t) => ({ slug: t.slug, name: t.name, detail: t.description.slice(0, 120) }),
    values: (t) => ({ slug: t.slug, name: t.name, description: t.description }),
    toInput: (f) => ({ kind, slug: formText(f, 'slug'), name: formText(f, 'name'), description: formText(f, 'description') }),
    save: (input) => directory.saveTerm(input),
  });

  for (const dir of [authors, sources, terms('region', 'Regions'), terms('theme', 'Themes'), terms('dossier', 'Dossiers')] as Directory<unknown>[]) {
    async function show(request: FastifyRequest, reply: FastifyReply, extra: Partial<DirectoryView>, status?: number) {
      const q = parseInput(listQuery, request.query);
      const items = (await dir.list()).map((item) => ({ item, row: dir.row(item) }));
      const needle = q.q.toLowerCase();
      const matching = needle ? items.filter(({ row }) => `${row.name} ${row.slug}`.toLowerCase().includes(needle)) : items;
      const editing = q.edit ? items.find(({ row }) => row.slug === q.edit) : undefined;
      const view: DirectoryView = {
        title: dir.title,
        path: dir.path,
        fields: dir.fields,
        rows: matching.slice((q.page - 1) * PAGE_SIZE, q.page * PAGE_SIZE).map(({ row }) => row),
        values: editing ? dir.values(editing.item) : {},
        editing: editing !== undefined,
        q: q.q,
        page: q.page,
        pages: Math.max(1, Math.ceil(matching.length / PAGE_SIZE)),
        csrfToken: request.csrfToken ?? '',
        ...extra,
      };
      return deps.renderPage(request, reply, dir.title, <DirectoryPage view={view} />, status);
    }

    app.get(dir.path, async (request, reply) => {
      if (!request.staff) return redirectToSignIn(request, reply);
      const saved = (request.query as Record<string, unknown>).saved;
      return show(request, reply, typeof saved === 'string' ? { notice: `Saved ${saved}.` } : {});
    });

    app.post(dir.path, async (request, reply) => {
      const user = requireCan(request, 'directory.edit');
      const form = (request.body ?? {}) as FormBody;
      try {
        const saved = await dir.save(dir.toInput(form));
        await deps.audit.record(user.id, `${dir.path.slice(7)}.save`, saved.slug);
        return reply.redirect(`${dir.path}?saved=${saved.slug}`, 303);
      } catch (error) {
        if (!(error instanceof AppError) || error.status >= 500) throw error;
        const values = Object.fromEntries(dir.fields.map((f) => [f.name, formText(form, f.name)]));
        return show(request, reply, { values, error: { message: error.message, ...(error.field ? { field: error.field } : {}) } }, error.status);
      }
    });
  }
}
