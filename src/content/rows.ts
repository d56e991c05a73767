import type { Selectable } from 'kysely';
import type { AuthorsTable, SourcesTable, TermsTable } from '../db/schema.js';
import type { Author, Link, Source, Term } from './types.js';

/** Row → domain object conversions, shared by every reader of these tables. */

export function toAuthor(row: Selectable<AuthorsTable>): Author {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    bio: row.bio,
    avatarUrl: row.avatar_url,
    links: JSON.parse(row.links) as Link[],
  };
}

export function toTerm(row: Selectable<TermsTable>): Term {
  return { id: row.id, kind: row.kind, slug: row.slug, name: row.name, description: row.description };
}

export function toSource(row: Selectable<SourcesTable>): Source {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    homepageUrl: row.homepage_url,
    copyrightHolder: row.copyright_holder,
    allowRepublish: row.allow_republish === 1,
    attribution: row.attribution,
  };
}
