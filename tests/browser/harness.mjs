// Shared set-up for the browser tests: serves the release build (dist/) under a sub-path,
// drives Debian's Chromium through playwright-core, and records every console error, page
// error and Content-Security-Policy violation, so each test can assert there were none.
//
//   const app = await startApp();            // in before()
//   const page = await app.open('glossary/');
//   ...
//   app.assertClean();                        // at the end of each test
//   await app.close();                        // in after()
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from './server.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
// COMPANION_DIST runs the suite against another build (to check that a test fails without its fix).
export const DIST = process.env.COMPANION_DIST ?? join(ROOT, 'dist');
// The same app built with the `test-hooks` feature (`?debug=panic`), which is never published.
export const TEST_DIST = process.env.COMPANION_TEST_DIST ?? join(ROOT, 'target', 'dist-test');
export const BASE_PATH = '/courses/unit-3/companion/';
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

/** Polls `check` (sync or async) until it returns a truthy value; fails with `message`. */
export async function waitUntil(check, message, timeout = 5000) {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) assert.fail(`timed out: ${message}`);
    await new Promise((ok) => setTimeout(ok, 50));
  }
}

/** The text of a page's <main> as a reader sees it, without the parts named in `skip` (CSS selectors). */
export async function mainText(page, skip = []) {
  return page.locator('main').evaluate((main, skip) => {
    const copy = main.cloneNode(true);
    for (const selector of skip) copy.querySelectorAll(selector).forEach((el) => el.remove());
    return copy.textContent.replace(/\s+/g, ' ');
  }, skip);
}

/**
 * Holds the app's wasm back, as a slow connection would, until the returned function is called:
 * meanwhile the browser shows the page written at build time.
 */
export async function holdWasm(page) {
  let release;
  const held = new Promise((ok) => (release = ok));
  await page.route('**/*.wasm', async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** The header's search field. */
export const searchField = (page) => page.getByRole('searchbox', { name: 'Search documents and glossary' });

/** Waits until the service worker installed by this (first) visit controls the page. */
export async function controlled(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  // clients.claim() makes the first visit's worker control the page that installed it.
  await waitUntil(() => page.evaluate(() => !!navigator.serviceWorker.controller), 'the service worker controls the page');
}

/**
 * Writes `dir`/sw.js for the files now in `dir`, as the build's last step does (the page
 * renderer's precache step): a test's new deployment after it changed a file.
 */
export function writeServiceWorker(dir) {
  execFileSync('cargo', ['run', '--quiet', '-p', 'companion-render', '--', '--precache', dir], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
}

/**
 * `root` defaults to dist/; a test that simulates a new deployment serves a copy. `server`
 * holds more options for server.mjs (`redirectIndex`, `extra`).
 */
export async function startApp({ root = DIST, server: serverOptions = {} } = {}) {
  assert.ok(existsSync(join(root, 'index.html')), `no release build in ${root}: run trunk build --release first`);
  let server = await startServer({ root, base: BASE_PATH, ...serverOptions });
  let browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  } catch (err) {
    await server.close();
    throw err;
  }
  const problems = [];
  const contexts = [];

  /** A fresh browser context (no storage, no history): a first visit. */
  async function newContext(options = {}) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
    contexts.push(context);
    await context.exposeBinding('__reportViolation', ({ page }, v) =>
      problems.push(`CSP violation on ${page.url()}: ${v.directive} blocked ${v.blocked} (${v.source})`),
    );
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        window.__reportViolation({
          directive: e.effectiveDirective,
          blocked: e.blockedURI || 'inline',
          source: `${e.sourceFile}:${e.lineNumber}`,
        }),
      );
    });
    context.on('page', watch);
    return context;
  }

  function watch(page) {
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(`console error on ${page.url()}: ${msg.text()}`);
    });
    page.on('pageerror', (err) => problems.push(`page error on ${page.url()}: ${err.message}`));
  }

  /**
   * Opens `path` (relative to the app's base URL, e.g. "?view=read&doc=lends-hope#p3") in a
   * new page, by default in a fresh context, and waits until the app has rendered its <h1>.
   */
  async function open(path = '', { context, contextOptions } = {}) {
    const ctx = context ?? (await newContext(contextOptions));
    const page = await ctx.newPage();
    await page.goto(new URL(path, server.url).href);
    await ready(page);
    return page;
  }

  /**
   * Waits until the app has taken over the page written at build time (it marks <html> with
   * "app") and shows a view (its <main> holds an <h1>).
   */
  async function ready(page) {
    await page.waitForFunction(() => document.documentElement.classList.contains('app'), null, { timeout: 15000 });
    await page.locator('main#main h1').first().waitFor({ state: 'visible', timeout: 15000 });
  }

  return {
    url: server.url,
    browser,
    newContext,
    open,
    ready,
    /** Takes the network away for real: the server stops (the browser's offline switch does
     * not reach a service worker's own fetches in every Chromium). */
    async stopServer() {
      await server.close();
    },
    /** Starts the server again, on the same port. */
    async restartServer() {
      server = await startServer({ root, base: BASE_PATH, ...serverOptions, port: server.port });
    },
    /** Everything that went wrong in any page since the last assertClean() or takeProblems(). */
    problems: () => [...problems],
    /** The same, and forgets them (for tests that cause problems on purpose). */
    takeProblems: () => problems.splice(0),
    /** Fails if any page had a console error, page error or CSP violation; then starts afresh. */
    assertClean() {
      assert.deepEqual(problems.splice(0), [], 'no console errors, page errors or CSP violations');
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => {});
      await browser.close();
      await server.close();
    },
  };
}
