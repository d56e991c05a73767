import assert from 'node:assert/strict';
import { it } from 'node:test';
import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { browserSuite, useBrowser } from '../helpers/browser.js';
import { forEachDatabase } from '../helpers/databases.js';
import { demoPages, useDemoSite } from './demo-pages.js';

/**
 * axe-core, the accessibility engine Lighthouse uses, run in real Chromium on every page type of
 * the demo site, in the light and the dark colour scheme (the stylesheet has both).
 */

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/**
 * Runs every axe rule enabled by default on the page as it is now. axe goes in through evaluate, since
 * the site's Content-Security-Policy (rightly) refuses an injected script element.
 */
async function violations(page: Page): Promise<string[]> {
  const loaded = await page.evaluate(() => typeof (globalThis as { axe?: unknown }).axe === 'object');
  if (!loaded) await page.evaluate(axe.source);
  const found = await page.evaluate(async () => {
    const engine = (globalThis as unknown as { axe: { run(options: object): Promise<{ violations: Violation[] }> } }).axe;
    return (await engine.run({ resultTypes: ['violations'] })).violations;
  });
  return found.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

browserSuite('axe-core in Chromium', () => {
  forEachDatabase('every page type has no accessibility violations', (dialect) => {
    const site = useDemoSite(dialect);
    const browser = useBrowser();

    it('finds the violation in a page known to have one (axe really ran)', async () => {
      await browser.page.setContent('<!doctype html><html lang="en"><title>t</title><main><img src="data:,"></main></html>');
      assert.match((await violations(browser.page)).join('\n'), /^image-alt /m);
    });

    for (const page of demoPages) {
      it(`the ${page.name} page, light and dark`, async () => {
        const res = await browser.page.goto(site.baseUrl + page.path, { waitUntil: 'load' });
        assert.equal(res?.status(), page.status);
        await browser.page.emulateMedia({ colorScheme: 'light' });
        assert.deepEqual(await violations(browser.page), [], `${page.path} in the light scheme`);
        await browser.page.emulateMedia({ colorScheme: 'dark' });
        assert.deepEqual(await violations(browser.page), [], `${page.path} in the dark scheme`);
      });
    }
  });
});
