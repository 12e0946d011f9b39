// Static hosting, offline use, updates, embedding, storage and print (issue 6), on the
// release build served from a sub-path by a server with no rewrite rules. The worker on
// harder hosts is in worker.test.mjs, frames in frames.test.mjs.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { controlled, DIST, startApp, waitUntil, writeServiceWorker } from './harness.mjs';

// Every view, as a first visit would open it, with the heading it must show.
const VIEWS = [
  ['', /^Library$/],
  ['?view=read&doc=encyclopedia-later#p3', /^Camp Ashraf 3$/],
  ['?view=read&doc=source-of-hope&original=1', /^How MEK and Ashraf 3/],
  ['?view=compare&a=encyclopedia-earlier&b=encyclopedia-later', /^Compare/],
  ['?view=glossary', /^Glossary$/],
  ['?view=figures', /^Figures/],
  ['?view=figures&quantity=residents', /^People living in Ashraf 3$/],
  ['?view=search&q=troll', /^Search/],
  ['?view=read&doc=nope', /^Not found$/],
  ['?view=read&doc=lends-hope&embed=1', /^MEK and Ashraf 3 Lends Hope/],
];

// Copies dist/ so a test can deploy a "new version" into it without touching the build.
const deployment = mkdtempSync(join(tmpdir(), 'companion-deploy-'));
cpSync(DIST, deployment, { recursive: true });

let app;
before(async () => {
  app = await startApp({ root: deployment });
});
after(async () => {
  await app?.close();
  rmSync(deployment, { recursive: true, force: true });
});

const h1 = (page) => page.locator('main h1').first().textContent();

/** Deploys a new version: a changed file, and sw.js regenerated from the new file list. */
function deploy(name) {
  const css = readFileSync(join(deployment, 'embed-example.css'), 'utf8');
  writeFileSync(join(deployment, 'embed-example.css'), `${css}\n/* ${name} */\n`);
  writeServiceWorker(deployment);
}

test('every view opens from a deep link on a first visit', async () => {
  for (const [path, heading] of VIEWS) {
    const page = await app.open(path);
    assert.match(await h1(page), heading, path);
    await page.close();
  }
  app.assertClean();
});

test('after one visit every view works with the server gone', async () => {
  const context = await app.newContext();
  const page = await app.open('', { context });
  await controlled(page);
  // The network is taken away for real: the browser's offline switch does not reach the
  // worker's own fetches in every Chromium.
  await app.stopServer();
  try {
    for (const [path, heading] of VIEWS) {
      await page.goto(new URL(path, app.url).href);
      await app.ready(page);
      assert.match(await h1(page), heading, `offline: ${path}`);
    }
    // A folder link without its trailing slash opens its view, with its links resolving.
    await page.goto(new URL('read/lends-hope?q=camp', app.url).href);
    await app.ready(page);
    assert.match(await h1(page), /Lends Hope/, 'offline: read/lends-hope');
    assert.equal(new URL(page.url()).pathname, `${new URL(app.url).pathname}read/lends-hope/`);
    // The search index, fetched on the first search, was precached with the rest.
    await page.goto(new URL('?view=search&q=%22troll+farm%22', app.url).href);
    await app.ready(page);
    await waitUntil(async () => /^3 hits/.test(await page.locator('.search-summary').textContent()), 'offline search finds the hits');
    // A request the cache cannot answer really fails: the check above is not the network.
    const online = await page.evaluate(() => fetch('no-such-file.txt').then(() => true, () => false));
    assert.equal(online, false);
  } finally {
    await app.restartServer();
  }
  // That failed request is logged by the browser: expected, and the only problem allowed.
  const logged = app.takeProblems();
  assert.ok(logged.length > 0 && logged.every((p) => /ERR_FAILED|ERR_CONNECTION_REFUSED/.test(p)), `only the deliberate failure: ${logged}`);
  await context.close();
  app.assertClean();
});

test('a new deployment replaces the cache as one unit after "reload"', async () => {
  const context = await app.newContext();
  const page = await app.open('', { context });
  await controlled(page);
  const before = await page.evaluate(() => caches.keys());
  assert.equal(before.length, 1, `one cache: ${before}`);

  deploy('new version');

  await page.reload();
  await app.ready(page);
  const reload = page.getByRole('button', { name: 'Reload to update' });
  await reload.waitFor({ state: 'visible', timeout: 15000 });
  await page.getByText('A new version of the companion is available.').waitFor();
  await Promise.all([page.waitForEvent('load'), reload.click()]);
  await app.ready(page);
  const after = await waitUntil(async () => {
    const keys = await page.evaluate(() => caches.keys());
    return keys.length === 1 && keys[0] !== before[0] ? keys : null;
  }, 'the old cache is deleted and one new cache remains', 10000);
  assert.notEqual(after[0], before[0]);
  const served = await page.evaluate(() => fetch('embed-example.css').then((r) => r.text()));
  assert.match(served, /new version/);
  await context.close();
  app.assertClean();
});

test('"Reload to update" in one tab never reloads another tab holding a note being written', async () => {
  const context = await app.newContext();
  const a = await app.open('', { context });
  await controlled(a);
  const b = await app.open('read/lends-hope/', { context });
  await controlled(b);
  await b.getByRole('button', { name: 'Add a note to paragraph 4' }).click();
  await b.getByLabel('Your note').fill('Half a thought, not saved yet');
  await b.evaluate(() => {
    window.__notReloaded = true;
    window.__firstWorker = navigator.serviceWorker.controller;
  });

  // Deploy a new version, which tab A accepts.
  deploy('another version');
  await a.reload();
  await app.ready(a);
  const reload = a.getByRole('button', { name: 'Reload to update' });
  await reload.waitFor({ state: 'visible', timeout: 15000 });
  await Promise.all([a.waitForEvent('load'), reload.click()]);
  await app.ready(a);

  // Tab B is not reloaded: it says why, and the note being written is still in its editor.
  const switched = () => b.evaluate(() => !window.__notReloaded || navigator.serviceWorker.controller !== window.__firstWorker).catch(() => true);
  await waitUntil(switched, 'the new version controls tab B too', 10000);
  await app.ready(b);
  assert.equal(await b.evaluate(() => window.__notReloaded), true, 'B was not reloaded');
  await b.getByText('A new version of the companion was loaded in another tab').waitFor({ timeout: 10000 });
  assert.equal(await b.getByLabel('Your note').inputValue(), 'Half a thought, not saved yet');
  // Asked, it reloads, and the editor comes back with the draft.
  await Promise.all([b.waitForEvent('load'), b.getByRole('button', { name: 'Reload to update' }).click()]);
  await app.ready(b);
  await waitUntil(async () => (await b.getByLabel('Your note').count()) === 1, 'the editor is open again after the reload');
  assert.equal(await b.getByLabel('Your note').inputValue(), 'Half a thought, not saved yet');
  await context.close();
  app.assertClean();
});

test('the app works with storage blocked, keeping settings in memory', async () => {
  const context = await app.newContext();
  await context.addInitScript(() => {
    const blocked = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    Object.defineProperty(window, 'localStorage', { get: blocked, configurable: true });
  });
  const page = await app.open('?view=read&doc=encyclopedia-later', { context });
  const marks = page.getByRole('checkbox', { name: 'Glossary marks' });
  await marks.uncheck();
  assert.equal(await marks.isChecked(), false);
  await page.getByRole('link', { name: /^Next:|^Previous:/ }).first().click();
  await app.ready(page);
  assert.equal(await marks.isChecked(), false, 'the setting survives in-app navigation');
  await context.close();
  app.assertClean();
});

test('corrupt saved settings give a clear message and are kept aside', async () => {
  const context = await app.newContext();
  const page = await app.open('', { context });
  await page.evaluate(() => localStorage.setItem('ashraf3-companion.settings.v1', '{not json'));
  await page.reload();
  await app.ready(page);
  await page.getByText('Your saved settings could not be read').waitFor();
  const kept = await page.evaluate(() => localStorage.getItem('ashraf3-companion.settings.unreadable'));
  assert.equal(kept, '{not json');
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await context.close();
  app.assertClean();
});

test('printing hides navigation and keeps the text and its source', async () => {
  const page = await app.open('?view=read&doc=encyclopedia-earlier');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.getByRole('navigation', { name: 'Main' }).isVisible(), false);
  assert.equal(await page.getByRole('button', { name: /Copy link to paragraph/ }).first().isVisible(), false);
  assert.ok(await page.getByText('The camp is a fortified base built on 34 hectares of farmland.').isVisible());
  assert.ok(await page.getByText('Encyclopedia article, historical revision').first().isVisible());
  await page.emulateMedia({ media: 'screen' });
  assert.ok(await page.getByRole('navigation', { name: 'Main' }).isVisible());
  await page.close();
  app.assertClean();
});

test('the embed form drops the navigation and links to the full companion', async () => {
  const page = await app.open('?view=read&doc=lends-hope&embed=1');
  assert.equal(await page.getByRole('navigation', { name: 'Main' }).count(), 0);
  const full = page.getByRole('link', { name: 'Open in the full reading companion' });
  assert.equal(await full.getAttribute('target'), '_blank');
  assert.doesNotMatch(await full.getAttribute('href'), /embed=1/);
  await page.close();
  app.assertClean();
});

test('the Embed button offers an iframe snippet with a title and the resize script', async () => {
  const page = await app.open('?view=read&doc=lends-hope');
  await page.getByRole('button', { name: 'Embed' }).click();
  const snippet = await page.getByRole('textbox', { name: /Paste this where the view should appear/ }).inputValue();
  assert.match(snippet, /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/courses\/unit-3\/companion\/read\/lends-hope\/\?embed=1" title="[^"]+"/);
  const script = await page.getByRole('textbox', { name: /Add this once to the page/ }).inputValue();
  assert.match(script, /ashraf3-companion:resize/);
  await page.close();
  app.assertClean();
});

test('the example course page sizes its iframes to their content', async () => {
  const context = await app.newContext();
  const course = await context.newPage();
  await course.goto(new URL('embed-example.html', app.url).href);
  const frames = course.locator('iframe');
  assert.equal(await frames.count(), 4);
  for (let i = 0; i < 4; i++) {
    const frame = frames.nth(i);
    await frame.scrollIntoViewIfNeeded();
    await waitUntil(async () => (await frame.evaluate((f) => f.getBoundingClientRect().height)) > 400, `iframe ${i} grows to its content`, 15000);
    // The content settles as its passages are laid out on their way into view, and each change
    // reaches the course page as a message: the frame follows it to the final height.
    // embed-resize.js clamps to 20,000 px: a longer page (the whole glossary) scrolls inside.
    const sizes = () =>
      frame.evaluate((f) => [f.getBoundingClientRect().height, f.contentDocument.body.getBoundingClientRect().height]);
    const fits = async () => {
      const [outer, inner] = await sizes();
      return Math.abs(outer - Math.min(inner, 20000)) <= 4;
    };
    await waitUntil(fits, `iframe ${i}: the frame fits its content (clamped to 20000)`, 5000);
  }
  await context.close();
  app.assertClean();
});
