import type { ContentService } from '../../src/content/index.js';
import type { ArticleInput, AuthorInput, SourceInput, TermInput } from '../../src/content/inputs.js';

let counter = 0;
const next = (prefix: string) => `${prefix}-${++counter}`;

/** Small builders for test data: each returns what it saved, with unique slugs unless told otherwise. */

export const makeAuthor = (content: ContentService, over: Partial<AuthorInput> = {}) => {
  const slug = over.slug ?? next('author');
  return content.directory.saveAuthor({ slug, name: `Author ${slug}`, bio: `Bio of ${slug}.`, ...over });
};

export const makeTerm = (content: ContentService, kind: TermInput['kind'], over: Partial<TermInput> = {}) => {
  const slug = over.slug ?? next(kind);
  return content.directory.saveTerm({ kind, slug, name: `Term ${slug}`, description: `About ${slug}.`, ...over });
};

export const makeSource = (content: ContentService, over: Partial<SourceInput> = {}) => {
  const slug = over.slug ?? next('source');
  return content.directory.saveSource({ slug, name: `Source ${slug}`, homepageUrl: `https://${slug}.example`, copyrightHolder: `${slug} Media`, ...over });
};

export const makeArticle = (content: ContentService, over: Partial<ArticleInput> & { authors: string[] }) =>
  content.editor.create({
    title: `Article ${next('title')}`,
    bodyHtml: '<p>Some words of reporting.</p>',
    status: 'published',
    ...over,
  });
