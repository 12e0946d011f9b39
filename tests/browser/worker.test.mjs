// The service worker on real hosts (issue 12): it answers only the companion's own page and
// files, never a sibling folder; it survives hosts that redirect index.html to ./; it never
// caches files from two deployments; it leaves other apps' caches alone; and "Reload to
// update" works in the very tab whose first visit installed it.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { BASE_PATH, controlled, DIST, startApp, waitUntil, writeServiceWorker } from './harness.mjs';

// A site with the companion in one folder and other pages beside and below it.
function siblings(req, res, path) {
  const pages = { [`${BASE_PATH}handouts/`]: 'Handouts for unit 3', '/courses/unit-3/': 'Unit 3' };
  if (!(path in pages)) return false;
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(`<!doctype html><html lang="en"><title>${pages[path]}</title><main><h1>${pages[path]}</h1></main></html>`);
  return true;
}

const deployment = mkdtempSync(join(tmpdir(), 'companion-worker-'));
cpSync(DIST, deployment, { recursive: true });

let app;
before(async () => {
  app = await startApp({ root: deployment, server: { extra: siblings } });
});
after(async () => {
  await app?.close();
  rmSync(deployment, { recursive: true, force: true });
});

/** Asks the browser to look for a new worker now; resolves to the state the new one reaches. */
function checkForUpdate(page) {
  return page.evaluate(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    const found = new Promise((ok) => reg.addEventListener('updatefound', () => ok(reg.installing), { once: true }));
    await reg.update();
    const worker = await found;
    return new Promise((ok) => {
      const settle = () => ['installed', 'activated', 'redundant'].includes(worker.state) && ok(worker.state);
      worker.addEventListener('statechange', settle);
      settle();
    });
  });
}

/** A new deployment: one changed file and sw.js made for it. */
function deploy(marker) {
  const file = join(deployment, 'embed-example.css');
  writeFileSync(file, readFileSync(file, 'utf8') + `\n/* ${marker} */\n`);
  writeServiceWorker(deployment);
}

test('pages beside and above the companion are never answered with the companion', async () => {
  const context = await app.newContext();
  const page = await app.open('', { context });
  await controlled(page);
  for (const [path, heading] of [['handouts/', 'Handouts for unit 3'], ['../', 'Unit 3']]) {
    await page.goto(new URL(path, app.url).href);
    assert.equal(await page.locator('h1').textContent(), heading, path);
  }
  const missing = await page.goto(new URL('no-such-folder/', app.url).href);
  assert.equal(missing.status(), 404, 'a missing sibling is the host’s 404, not the companion');
  // That 404 page finds the companion's root by asking the host, and says "Not found".
  await app.ready(page);
  assert.equal(await page.locator('main h1').textContent(), 'Not found');
  app.takeProblems(); // the browser logs that 404, and the folders without the stylesheet
  await page.goto(new URL('index.html?view=glossary', app.url).href);
  await app.ready(page);
  assert.equal(await page.locator('main h1').textContent(), 'Glossary', 'index.html is the companion under its other name');
  await context.close();
  app.assertClean();
});

test('a deployment that is not one build is never cached; the old one keeps serving', async () => {
  const context = await app.newContext();
  const page = await app.open('', { context });
  await controlled(page);
  const before = await page.evaluate(() => caches.keys());
  // Half-way through an upload: sw.js lists the new files, but one file is still the old one.
  const css = join(deployment, 'embed-example.css');
  const old = readFileSync(css, 'utf8');
  deploy('build two');
  writeFileSync(css, old);
  assert.equal(await checkForUpdate(page), 'redundant', 'the mixed deployment is refused');
  assert.deepEqual(await page.evaluate(() => caches.keys()), before, 'the old cache is untouched');
  assert.equal(await page.getByRole('button', { name: 'Reload to update' }).count(), 0);
  app.takeProblems(); // the refused install is logged by the worker
  // Once the upload completes, the same check installs it.
  deploy('build two');
  assert.equal(await checkForUpdate(page), 'installed');
  await page.getByRole('button', { name: 'Reload to update' }).waitFor();
  await context.close();
  app.assertClean();
});

test('"Reload to update" works in the tab whose first visit installed the worker', async () => {
  const context = await app.newContext();
  const page = await app.open('?view=glossary', { context });
  await controlled(page);
  const [ours] = await page.evaluate(() => caches.keys());
  // Another app on the same origin, and a cache whose name merely starts like ours.
  const foreign = [`${ours.slice(0, ours.lastIndexOf(':') + 1)}notes`, 'another-app:v1'];
  await page.evaluate((names) => Promise.all(names.map((n) => caches.open(n))), foreign);
  deploy('build three');
  assert.equal(await checkForUpdate(page), 'installed');
  const reload = page.getByRole('button', { name: 'Reload to update' });
  await Promise.all([page.waitForEvent('load', { timeout: 15000 }), reload.click()]);
  await app.ready(page);
  assert.equal(await page.locator('main h1').textContent(), 'Glossary', 'the same view after the update');
  const keys = await waitUntil(async () => {
    const k = await page.evaluate(() => caches.keys());
    return !k.includes(ours) ? k : null;
  }, 'the old cache is deleted', 10000);
  assert.deepEqual(keys.filter((k) => foreign.includes(k)).sort(), [...foreign].sort(), 'other caches are left alone');
  assert.match(await page.evaluate(() => fetch('embed-example.css').then((r) => r.text())), /build three/);
  await context.close();
  app.assertClean();
});

test('a host that redirects index.html to ./ still gives a page that works offline', async () => {
  const redirecting = await startApp({ root: DIST, server: { redirectIndex: true } });
  try {
    const context = await redirecting.newContext();
    const page = await redirecting.open('index.html?view=figures', { context });
    // The host redirected to ./?view=figures, which the app then moved to its own page.
    assert.equal(new URL(page.url()).pathname, `${BASE_PATH}figures/`, 'the host redirected, the app upgraded the link');
    await controlled(page);
    await redirecting.stopServer();
    const pages = [
      ['?view=glossary', 'Glossary'],
      ['index.html?view=read&doc=lends-hope', /Lends Hope/],
      ['read/home-to-mek/index.html', /Home to Iranian Opposition/],
      ['compare/lends-hope/home-to-mek/?embed=1', 'Compare two documents'],
    ];
    for (const [path, heading] of pages) {
      await page.goto(new URL(path, redirecting.url).href);
      await redirecting.ready(page);
      assert.match(await page.locator('main h1').textContent(), heading instanceof RegExp ? heading : new RegExp(`^${heading}$`), path);
    }
    await context.close();
    redirecting.assertClean();
  } finally {
    await redirecting.close().catch(() => {});
  }
});
