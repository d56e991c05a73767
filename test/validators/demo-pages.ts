import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { before } from 'node:test';
import { demoArticles, demoPublicationTime, seedDemo } from '../../src/demo/seed.js';
import type { TestDialect } from '../helpers/databases.js';
import { fixedClock, useTestApp, type RunningApp } from '../helpers/test-app.js';

const requireAll = process.env.BROADSHEET_TEST_REQUIRE_ALL === '1';

/**
 * Why a validator suite cannot run here, or undefined when it can. Under BROADSHEET_TEST_REQUIRE_ALL=1
 * a missing tool is an error instead, as for PostgreSQL and Chromium.
 */
export function missingTool(what: string, file: string, install: string): string | undefined {
  if (existsSync(file)) return undefined;
  const reason = `${what} is not installed at ${file}`;
  if (requireAll) throw new Error(`${reason}; BROADSHEET_TEST_REQUIRE_ALL=1 forbids skipping its suites`);
  console.log(`# skipping ${what} suites: ${reason} (${install})`);
  return reason;
}

/** One page of the demo site the validators look at, by a name for test titles and file names. */
export interface DemoPage {
  name: string;
  path: string;
  /** The status the page answers with (404 for the not-found page). */
  status: number;
}

const own = demoArticles.find((a) => !a.source)!;
const crossPosted = demoArticles.find((a) => a.source)!;
const dossier = demoArticles.find((a) => a.dossier)!.dossier!;
const month = demoPublicationTime(own, fixedClock().now()).slice(0, 7).replace('-', '/');

export const homePage: DemoPage = { name: 'home', path: '/', status: 200 };
export const articlePage: DemoPage = { name: 'article', path: `/articles/${own.slug}`, status: 200 };
/** The search form, and a page of results (noindex by design, as search engines ask of a site's own result pages). */
export const searchPage: DemoPage = { name: 'search', path: '/search', status: 200 };
export const searchResultsPage: DemoPage = { name: 'search results', path: '/search?q=water', status: 200 };

/** Every page type of the public site and the admin sign-in page, on the demo newsroom. */
export const demoPages: DemoPage[] = [
  homePage,
  articlePage,
  { name: 'cross-posted article', path: `/articles/${crossPosted.slug}`, status: 200 },
  { name: 'republish tool', path: `/articles/${own.slug}/republish`, status: 200 },
  { name: 'newsletter sign-up', path: '/newsletter', status: 200 },
  { name: 'newsletter archive', path: '/newsletter/archive', status: 200 },
  { name: 'author', path: `/authors/${own.authors[0]}`, status: 200 },
  { name: 'region', path: `/regions/${own.regions[0]}`, status: 200 },
  { name: 'theme', path: `/themes/${own.themes[0]}`, status: 200 },
  { name: 'dossier', path: `/dossiers/${dossier}`, status: 200 },
  { name: 'source', path: `/sources/${crossPosted.source!.slug}`, status: 200 },
  { name: 'archive index', path: '/archive', status: 200 },
  { name: 'archive month', path: `/archive/${month}`, status: 200 },
  { name: 'not found', path: '/articles/no-such-article', status: 404 },
  { name: 'admin sign-in', path: '/admin/signin', status: 200 },
  searchPage,
  searchResultsPage,
];

/** Starts the real app (on its fixed clock) on a scratch database of `dialect`, seeded with the demo newsroom. */
export function useDemoSite(dialect: TestDialect): RunningApp {
  const running = useTestApp(dialect);
  before(async () => {
    const mediaDir = path.join(running.config.dataDir, 'media');
    await fs.mkdir(mediaDir, { recursive: true });
    await seedDemo({ content: running.app.content, clock: running.clock, mediaDir });
  });
  return running;
}
