import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database, TermKind } from '../db/schema.js';
import { authorInput, sourceInput, termInput } from './inputs.js';
import { parseInput } from '../parse-input.js';
import { toAuthor, toSource, toTerm } from './rows.js';
import type { ArticleChangeListener } from './article-writer.js';
import { surrogateKeys, type PurgeListener } from './surrogate-keys.js';
import type { Author, Source, Term } from './types.js';

interface Deps {
  db: Kysely<Database>;
  clock: Clock;
  onPurge: PurgeListener;
  onArticleChange?: ArticleChangeListener;
}

/**
 * Authors, partner sources and terms (regions, themes, dossiers): the things articles point at.
 * Saving is by slug: a new slug creates, a known one updates, and every page showing it is purged.
 */
export function createDirectory({ db, clock, onPurge, onArticleChange }: Deps) {
  // Every page's menus list the terms; they change rarely, so the full list is kept after one read.
  let allTerms: Promise<Term[]> | undefined;

  /** Bylines and section names are searched: a rename hands the articles showing the name to `onArticleChange`. */
  async function renamed(before: { name: string } | undefined, after: string, articleIds: () => Promise<{ id: number }[]>) {
    if (!before || before.name === after || !onArticleChange) return;
    await onArticleChange((await articleIds()).map((r) => r.id));
  }

  async function saveAuthor(input: unknown): Promise<Author> {
    const a = parseInput(authorInput, input);
    const before = await db.selectFrom('authors').select('name').where('slug', '=', a.slug).executeTakeFirst();
    const now = clock.now().toISOString();
    const values = { name: a.name, bio: a.bio, avatar_url: a.avatarUrl, links: JSON.stringify(a.links), updated_at: now };
    const row = await db
      .insertInto('authors')
      .values({ slug: a.slug, created_at: now, ...values })
      .onConflict((oc) => oc.column('slug').doUpdateSet(values))
      .returningAll()
      .executeTakeFirstOrThrow();
    // Bylines appear in every list as well as on the author's own pages.
    onPurge([surrogateKeys.author(row.id), surrogateKeys.articleLists, surrogateKeys.home]);
    await renamed(before, row.name, () => db.selectFrom('article_authors').select('article_id as id').where('author_id', '=', row.id).execute());
    return toAuthor(row);
  }

  async function saveSource(input: unknown): Promise<Source> {
    const s = parseInput(sourceInput, input);
    const before = await db.selectFrom('sources').select('name').where('slug', '=', s.slug).executeTakeFirst();
    const now = clock.now().toISOString();
    const values = { name: s.name, homepage_url: s.homepageUrl, copyright_holder: s.copyrightHolder, allow_republish: s.allowRepublish ? 1 : 0, attribution: s.attribution, updated_at: now };
    const row = await db
      .insertInto('sources')
      .values({ slug: s.slug, created_at: now, ...values })
      .onConflict((oc) => oc.column('slug').doUpdateSet(values))
      .returningAll()
      .executeTakeFirstOrThrow();
    onPurge([surrogateKeys.source(row.id), surrogateKeys.articleLists, surrogateKeys.home]);
    await renamed(before, row.name, () => db.selectFrom('articles').select('id').where('source_id', '=', row.id).execute());
    return toSource(row);
  }

  async function saveTerm(input: unknown): Promise<Term> {
    const t = parseInput(termInput, input);
    const before = await db.selectFrom('terms').select('name').where('kind', '=', t.kind).where('slug', '=', t.slug).executeTakeFirst();
    const now = clock.now().toISOString();
    const values = { name: t.name, description: t.description, updated_at: now };
    const row = await db
      .insertInto('terms')
      .values({ kind: t.kind, slug: t.slug, created_at: now, ...values })
      .onConflict((oc) => oc.columns(['kind', 'slug']).doUpdateSet(values))
      .returningAll()
      .executeTakeFirstOrThrow();
    allTerms = undefined;
    // Section menus on every page name the terms.
    onPurge([surrogateKeys.all]);
    await renamed(before, row.name, () => db.selectFrom('article_terms').select('article_id as id').where('term_id', '=', row.id).execute());
    return toTerm(row);
  }

  return {
    saveAuthor,
    saveSource,
    saveTerm,

    async authorBySlug(slug: string): Promise<Author | undefined> {
      const row = await db.selectFrom('authors').selectAll().where('slug', '=', slug).executeTakeFirst();
      return row && toAuthor(row);
    },
    async sourceBySlug(slug: string): Promise<Source | undefined> {
      const row = await db.selectFrom('sources').selectAll().where('slug', '=', slug).executeTakeFirst();
      return row && toSource(row);
    },
    async termBySlug(kind: TermKind, slug: string): Promise<Term | undefined> {
      const row = await db.selectFrom('terms').selectAll().where('kind', '=', kind).where('slug', '=', slug).executeTakeFirst();
      return row && toTerm(row);
    },
    async listAuthors(): Promise<Author[]> {
      return (await db.selectFrom('authors').selectAll().orderBy('name').execute()).map(toAuthor);
    },
    async listSources(): Promise<Source[]> {
      return (await db.selectFrom('sources').selectAll().orderBy('name').execute()).map(toSource);
    },
    async listTerms(kind?: TermKind): Promise<Term[]> {
      allTerms ??= db
        .selectFrom('terms')
        .selectAll()
        .orderBy('kind')
        .orderBy('name')
        .execute()
        .then((rows) => rows.map(toTerm));
      const terms = await allTerms.catch((error: unknown) => {
        allTerms = undefined;
        throw error;
      });
      return kind ? terms.filter((t) => t.kind === kind) : terms;
    },
  };
}

export type Directory = ReturnType<typeof createDirectory>;
