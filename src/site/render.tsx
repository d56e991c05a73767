import type { ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { Chrome, PageMeta } from './views/chrome.js';
import { Layout } from './views/layout.js';
import { PageContext } from './views/page-context.js';

/** A whole HTML document for a page body in the site's frame. */
export function renderDocument(chrome: Chrome, meta: PageMeta, body: ComponentChildren): string {
  return (
    '<!doctype html>' +
    renderToString(
      <PageContext.Provider value={{ page: chrome.page, messages: chrome.messages }}>
        <Layout chrome={chrome} meta={meta}>{body}</Layout>
      </PageContext.Provider>,
    )
  );
}
