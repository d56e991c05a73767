import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, afterEach, before, beforeEach, describe } from 'node:test';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

/** Debian's Chromium: the browser suites drive the real thing, and never download one. */
export const CHROMIUM = '/usr/bin/chromium';
/** Where screenshots go (git-ignored), for a person to look at after a run. */
export const ARTIFACTS_DIR = fileURLToPath(new URL('../e2e/artifacts/', import.meta.url));

const requireAll = process.env.BROADSHEET_TEST_REQUIRE_ALL === '1';
const chromiumMissing = existsSync(CHROMIUM) ? undefined : `Chromium is not installed at ${CHROMIUM}`;
if (chromiumMissing && requireAll) {
  throw new Error(`${chromiumMissing}; BROADSHEET_TEST_REQUIRE_ALL=1 forbids skipping its suites`);
}
if (chromiumMissing) console.log(`# skipping browser suites: ${chromiumMissing} (apt-get install -y chromium)`);

// Quiet and self-contained: no GPU, no calls home, nothing that varies from one run to the next
// (the Lighthouse suite launches Chromium with the same flags).
export const launchArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Declares a suite that needs Chromium; without it the suite is skipped (or fails under REQUIRE_ALL). */
export function browserSuite(title: string, body: () => void) {
  describe(title, { skip: chromiumMissing }, body);
}

export interface BrowserSession {
  browser: Browser;
  context: BrowserContext;
  /** A fresh page in a fresh context for each test: no cookies or storage carry over. */
  page: Page;
  /** Saves a full-page screenshot of the current page as test/e2e/artifacts/NAME.png and returns its path. */
  screenshot(name: string): Promise<string>;
}

/**
 * Launches Chromium once for the suite in which it is called and closes it after; gives each
 * test its own context and page. A test fails if its page threw an uncaught error, since an
 * island that crashes would otherwise only show up as a missing feature.
 */
export function useBrowser(contextOptions: BrowserContextOptions = {}): BrowserSession {
  const session = {} as BrowserSession;
  let pageErrors: string[] = [];
  before(async () => {
    session.browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: launchArgs });
  });
  after(async () => {
    await session.browser?.close();
  });
  beforeEach(async () => {
    pageErrors = [];
    session.context = await session.browser.newContext(contextOptions);
    session.page = await session.context.newPage();
    session.page.on('pageerror', (error) => pageErrors.push(error.message));
  });
  afterEach(async () => {
    await session.context?.close();
    if (pageErrors.length) throw new Error(`the page threw: ${pageErrors.join('; ')}`);
  });
  session.screenshot = async (name) => {
    await fs.mkdir(ARTIFACTS_DIR, { recursive: true });
    const file = path.join(ARTIFACTS_DIR, `${name}.png`);
    await session.page.screenshot({ path: file, fullPage: true });
    return file;
  };
  return session;
}
