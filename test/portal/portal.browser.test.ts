/**
 * The portal in a real browser: Debian's Chromium driven by playwright-core,
 * against the real directory (search enabled) started like `npm start` does.
 * Flows a learner would notice, an axe-core accessibility scan of every page
 * type, and, with SAVE_SCREENSHOTS=1, the screenshots in docs/screenshots/.
 * `.ci/run` installs Chromium, so in CI these never skip.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LocalDirectory } from '../../cli/localDirectory.js';
import { startTestDirectory, stopInstitutionDuringTest } from '../support/directory.js';

const chromiumPath = '/usr/bin/chromium';
const hasChromium = existsSync(chromiumPath);
if (!hasChromium)
  console.warn(
    `Portal browser tests SKIPPED: ${chromiumPath} is absent (apt-get install chromium; .ci/run installs it).`,
  );

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/**
 * Screenshots are taken only to refresh docs/screenshots/: they check nothing, and taken on every run into a
 * directory deleted afterwards, the five cost about half a second of CPU to capture and encode.
 */
const screenshotDir = process.env.SAVE_SCREENSHOTS ? 'docs/screenshots' : undefined;

describe.skipIf(!hasChromium)('the provincial portal in Chromium', () => {
  let directory: LocalDirectory;
  let browser: Browser;
  let origin: string;
  /**
   * The file's one tab, which every test navigates. A new tab costs a renderer process and a fresh compile of
   * the portal's script and axe, about 1.5 s each on this machine against 0.3 s to navigate an open one; the
   * tab's state (its sessionStorage holds the compare selection, the context its cookies) is cleared after
   * each test, so no test sees what another chose.
   */
  let tab: Page;
  let tabContext: BrowserContext;
  const desktop = { width: 1280, height: 900 };

  beforeAll(async () => {
    directory = await startTestDirectory({
      institutions: ['humber', 'seneca', 'algonquin', 'boreal'],
      search: { port: 0 },
      // The portal's own behaviour is under test, an institution going down included; the response cache,
      // which may keep serving a complete answer from before an outage, is tested in test/cache.
      responseCache: { enabled: false },
    });
    origin = directory.gateway.url.replace(/\/graphql$/, '');
    // launch() gives every run a new, empty profile of its own (Playwright refuses --user-data-dir here).
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    tabContext = await browser.newContext({ viewport: desktop });
    tab = await tabContext.newPage();
    if (screenshotDir) mkdirSync(screenshotDir, { recursive: true });
  });
  afterEach(async () => {
    await tab.evaluate(() => sessionStorage.clear()).catch(() => {});
    await tabContext.clearCookies();
  });
  afterAll(async () => {
    await browser?.close();
    await directory?.stop();
  });

  /** The tab's window size, set again only when a test asks for another: each resize lays out the page shown. */
  let tabViewport = desktop;

  /** Navigates the file's tab to `path` at the given window size; the tab, now showing that page. */
  async function open(path: string, viewport = desktop): Promise<Page> {
    if (viewport.width !== tabViewport.width || viewport.height !== tabViewport.height) {
      await tab.setViewportSize(viewport);
      tabViewport = viewport;
    }
    const response = await tab.goto(`${origin}${path}`);
    expect(response, path).not.toBeNull();
    return tab;
  }

  async function saveScreenshot(page: Page, name: string): Promise<void> {
    if (screenshotDir) await page.screenshot({ path: join(screenshotDir, name) });
  }

  async function seriousViolations(page: Page): Promise<string[]> {
    // Evaluated by the browser's debugging protocol, which the portal's Content-Security-Policy rightly does not allow
    // as an inline script; the policy stays on, so the portal's own scripts are still held to it.
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      // Only violations are read; axe then skips collecting every node that passed (its documented speed option).
      const { axe } = window as unknown as {
        axe: { run(context: Document, options: { resultTypes: string[] }): Promise<{ violations: AxeViolation[] }> };
      };
      const result = await axe.run(document, { resultTypes: ['violations'] });
      return result.violations;
    });
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  }

  async function facetCounts(page: Page, facet: string): Promise<Record<string, number>> {
    return page.$$eval(`li[data-facet="${facet}"]`, (items) =>
      Object.fromEntries(
        items.map((item) => [
          (item as HTMLElement).dataset.value!,
          Number((item.querySelector('[data-count]') as HTMLElement).dataset.count),
        ]),
      ),
    );
  }

  const cardTitles = (page: Page) => page.$$eval('.card h3', (nodes) => nodes.map((n) => n.textContent!.trim()));
  const total = async (page: Page) => Number((await page.textContent('#results-heading'))!.match(/\d+/)![0]);

  it('finds the data-analytics entries despite a typo, with suggestions as you type', async () => {
    const page = await open('/');
    await page.fill('#q', 'data analytcs');
    await Promise.all([page.waitForURL(/q=data\+analytcs/), page.press('#q', 'Enter')]);
    const titles = await cardTitles(page);
    expect(titles.filter((title) => /data analytics/i.test(title)).length).toBeGreaterThanOrEqual(3);
    expect(await page.textContent('#results-heading')).toMatch(/results for “data analytcs”/);
    const institutions = await page.$$eval(
      '.card .card-institution',
      (nodes) => new Set(nodes.map((n) => n.textContent)).size,
    );
    expect(institutions).toBeGreaterThan(1);
    await saveScreenshot(page, 'search.png');

    await page.fill('#q', '');
    await page.locator('#q').pressSequentially('cyber', { delay: 30 });
    const option = page.locator('#q-suggestions [role="option"]').first();
    await option.waitFor();
    expect(await page.getAttribute('#q', 'aria-expanded')).toBe('true');
    await page.press('#q', 'ArrowDown');
    const chosen = (await option.textContent())!;
    expect(chosen.toLowerCase()).toContain('cyber');
    await Promise.all([page.waitForURL(/q=/), page.press('#q', 'Enter')]);
    expect(new URL(page.url()).searchParams.get('q')).toBe(chosen);
  });

  it('narrows results with a facet while the facet keeps counting its other values', async () => {
    const page = await open('/');
    const before = await total(page);
    const modes = await facetCounts(page, 'deliveryMode');
    const regions = await facetCounts(page, 'region');
    expect(Object.keys(modes).length).toBeGreaterThan(1);
    await page.check('li[data-facet="deliveryMode"][data-value="IN_PERSON"] input');
    await Promise.all([page.waitForURL(/deliveryMode=IN_PERSON/), page.click('text=Apply filters')]);
    const after = await total(page);
    expect(after).toBe(modes.IN_PERSON);
    expect(after).toBeLessThan(before);
    // Disjunctive: the other delivery modes keep their counts; other facets count the narrowed results.
    expect(await facetCounts(page, 'deliveryMode')).toEqual(modes);
    const narrowedRegions = await facetCounts(page, 'region');
    expect(narrowedRegions).not.toEqual(regions);
    expect(Object.values(narrowedRegions).reduce((a, b) => a + b, 0)).toBe(after);
    const shownModes = await page.$$eval('.card .facts div:nth-child(2) dd', (nodes) =>
      nodes.map((n) => n.textContent),
    );
    expect(new Set(shownModes)).toEqual(new Set(['In person']));
    expect(await page.isChecked('li[data-facet="deliveryMode"][data-value="IN_PERSON"] input')).toBe(true);
  });

  it('searches, filters, pages and opens an entry without JavaScript', async ({ onTestFinished }) => {
    const context = await browser.newContext({ viewport: desktop, javaScriptEnabled: false });
    onTestFinished(() => context.close());
    const page = await context.newPage();
    await page.goto(`${origin}/`);
    await page.fill('#q', 'data');
    await page.check('li[data-facet="osapEligible"][data-value="true"] input');
    await Promise.all([page.waitForURL(/osapEligible=true/), page.click('text=Apply filters')]);
    expect(new URL(page.url()).searchParams.get('q')).toBe('data');
    const first = await total(page);
    expect(first).toBeGreaterThan(0);
    if (first > 20) {
      await Promise.all([page.waitForURL(/page=2/), page.click('.pagination a[rel="next"]')]);
      expect(await total(page)).toBe(first);
    }
    const link = page.locator('.card h3 a').first();
    const title = (await link.textContent())!.trim();
    await Promise.all([page.waitForURL(/\/credentials\//), link.click()]);
    expect(await page.textContent('h1')).toBe(title);
  });

  it('shows an entry at its permanent URL with critical information, OQF band, recognitions and registration', async () => {
    const page = await open('/credentials/humber:data-analytics-for-the-workplace');
    expect(await page.textContent('h1')).toBe('Data Analytics for the Workplace');
    const critical = (await page.textContent('section[aria-labelledby="critical-heading"]'))!;
    for (const element of [
      'Learning outcomes',
      'Assessment',
      'Supervision and identity check',
      'Quality assurance',
      'Transfer-credit contact',
    ])
      expect(critical).toContain(element);
    expect(await page.getAttribute('[data-oqf-band]', 'data-oqf-band')).toBe('BELOW_CERTIFICATE_I');
    expect(await page.textContent('section[aria-labelledby="oqf-heading"]')).toMatch(/Below Certificate I/);
    expect(await page.locator('.recognition').count()).toBeGreaterThan(0);
    expect(await page.locator('section[aria-labelledby="trust-heading"] [data-trust-mark]').count()).toBe(5);
    expect(await page.textContent('section[aria-labelledby="recognition-heading"]')).toMatch(
      /Provincial common core|Equivalency decision/,
    );
    const register = page.locator('section[aria-labelledby="offerings-heading"] a', { hasText: 'Register' }).first();
    expect(await register.getAttribute('href')).toMatch(/^https?:\/\//);
    const jsonLd = JSON.parse((await page.textContent('script[type="application/ld+json"]'))!);
    expect(jsonLd['@type']).toBe('Course');
    expect(jsonLd.url).toBe(`${origin}/credentials/humber:data-analytics-for-the-workplace`);
    await saveScreenshot(page, 'detail.png');
    const missing = await open('/credentials/humber:no-such-entry');
    expect(await missing.textContent('h1')).toBe('Page not found');
  });

  it('serves every page in French at its own URL, with French content where the data has it', async () => {
    const page = await open('/fr/?q=donn%C3%A9es');
    expect(await page.getAttribute('html', 'lang')).toBe('fr-CA');
    expect(await page.textContent('label[for="q"]')).toBe('Que voulez-vous apprendre?');
    expect(await page.textContent('fieldset[data-facet="deliveryMode"] legend')).toBe('Mode de prestation');
    await saveScreenshot(page, 'search-fr.png');
    const boreal = await open('/fr/institutions/boreal');
    expect(await boreal.textContent('h1')).toBe('Collège Boréal');
    const first = boreal.locator('.card h3 a').first();
    const frenchTitle = (await first.textContent())!.trim();
    await Promise.all([boreal.waitForURL(/\/fr\/credentials\/boreal:/), first.click()]);
    expect(await boreal.textContent('h1')).toBe(frenchTitle);
    expect(await boreal.textContent('#critical-heading')).toBe('Renseignements essentiels');
    const englishUrl = boreal.url().replace('/fr/credentials/', '/credentials/');
    await Promise.all([boreal.waitForURL(englishUrl), boreal.click('a.language-switch')]);
    expect(await boreal.getAttribute('html', 'lang')).toBe('en-CA');
    expect(await boreal.textContent('#critical-heading')).toBe('Critical information');
  });

  it('compares entries chosen in the results side by side, kept across searches', async () => {
    const page = await open('/?q=data+analytics');
    const boxes = page.locator('input[form="compare-form"]');
    const chosen = [await boxes.nth(0).getAttribute('value'), await boxes.nth(1).getAttribute('value')];
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    expect(await page.textContent('[data-compare-count]')).toBe('2 of 4 selected');
    // A new search: the selection is remembered and one more is added from these results.
    await page.goto(`${origin}/?q=cybersecurity`);
    const more = page.locator('input[form="compare-form"]').first();
    chosen.push(await more.getAttribute('value'));
    await more.check();
    expect(await page.textContent('[data-compare-count]')).toBe('3 of 4 selected');
    await Promise.all([page.waitForURL(/\/compare\?/), page.click('text=Compare selected')]);
    const headers = await page.$$eval('table.compare thead th a:first-child', (links) =>
      links.map((a) => decodeURIComponent(a.getAttribute('href')!)),
    );
    expect(new Set(headers)).toEqual(new Set(chosen.map((id) => `/credentials/${id}`)));
    expect(await page.locator('table.compare tbody tr').count()).toBeGreaterThan(10);
    await saveScreenshot(page, 'compare.png');
  });

  it('plans pathways from completed micro-credentials', async () => {
    const page = await open('/planner');
    await page.fill('#q', 'data analytics');
    await Promise.all([page.waitForURL(/q=data/), page.click('button[name="find"]')]);
    await page.locator('input[name="completed"][value="seneca:introduction-to-data-analytics"]').check();
    await Promise.all([page.waitForURL(/completed=/), page.click('text=Show my pathways')]);
    expect(await page.isChecked('input[name="completed"][value="seneca:introduction-to-data-analytics"]')).toBe(true);
    const plans = page.locator('.plan');
    expect(await plans.count()).toBeGreaterThan(0);
    expect(await plans.first().textContent()).toMatch(/credits|All requirements met/);
    expect(await page.textContent('.plans')).toContain('Introduction to Data Analytics');
    await saveScreenshot(page, 'planner.png');
  });

  it('has no serious or critical accessibility violations on any page type, in either language', async () => {
    const paths = [
      '/?q=data+analytcs&deliveryMode=ONLINE_ASYNCHRONOUS',
      '/credentials/humber:data-analytics-for-the-workplace',
      '/institutions/humber',
      '/compare?id=humber:data-analytics-for-the-workplace&id=seneca:introduction-to-data-analytics',
      '/planner?completed=seneca:introduction-to-data-analytics&q=data',
      '/fr/?q=donn%C3%A9es',
      '/fr/credentials/seneca:introduction-to-data-analytics',
      '/fr/institutions/boreal',
    ];
    const found: Record<string, string[]> = {};
    for (const path of paths) {
      const page = await open(path);
      const violations = await seriousViolations(page);
      if (violations.length) found[path] = violations;
    }
    // A phone-sized search page too: reflow must not hide or overlap controls.
    const phone = await open('/?q=data', { width: 375, height: 740 });
    const phoneViolations = await seriousViolations(phone);
    if (phoneViolations.length) found['phone /'] = phoneViolations;
    expect(found).toEqual({});
  });

  it('keeps pages usable with a clear notice when an institution is down', async () => {
    await stopInstitutionDuringTest(directory, 'algonquin');
    // Results are shown from the index's cards: the down institution's hits are there, with nothing missing.
    const search = await open('/?q=data+analytics');
    expect(await search.locator('.card h3 a[href^="/credentials/algonquin:"]').count()).toBeGreaterThan(0);
    expect(await search.locator('.notice', { hasText: 'not answering' }).count()).toBe(0);
    expect(await search.locator('.card-unavailable').count()).toBe(0);
    const detail = await open('/credentials/algonquin:data-analytics-essentials-with-excel');
    expect(await detail.textContent('.notice')).toMatch(/Algonquin College is not answering right now/);
    const institution = await open('/institutions/algonquin');
    expect(await institution.textContent('h1')).toBe('Algonquin College');
    expect(await institution.textContent('.notice')).toMatch(/not answering right now/);
    expect(await seriousViolations(institution)).toEqual([]);
  });
});

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}
