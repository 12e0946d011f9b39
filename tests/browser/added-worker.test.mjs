// The added sources' worker (issue 31): reading, glossary marking, alignment and diff for a
// source a student adds run in a worker of their own, which a first visit to a published page
// never fetches, which adding a source starts (its files named by their content, as the app's
// are, so no cache can pair a page with another build's worker), and which the service worker
// keeps for use offline after one visit. Under the strict Content-Security-Policy, as every
// test runs.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { addSource } from './authoring.mjs';
import { controlled, startApp } from './harness.mjs';

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

const ARTICLE = 'Albanian police entered the camp of the MEK near Manëz in June 2023.\nThe newspaper reported that 1,000 residents were questioned.';

/** The worker's files a context has fetched (the service worker's own fetches included). */
function workerFetches(context) {
  const urls = [];
  context.on('request', (r) => {
    if (/companion-worker/.test(r.url())) urls.push(new URL(r.url()).pathname.split('/').pop());
  });
  return urls;
}

/** Adds `title` with the article pasted (authoring.mjs) and returns its reader's address. */
async function addByPaste(page, title) {
  return `added/?source=${await addSource(page, title, ARTICLE)}`;
}

test('a first visit to a reader fetches none of the worker, and adding a source starts it', async () => {
  const context = await app.newContext({ serviceWorkers: 'block' });
  const fetched = workerFetches(context);
  const page = await app.open('read/lends-hope/', { context });
  await page.waitForLoadState('networkidle');
  assert.deepEqual(fetched, [], 'the reader of a bundled document does not fetch the worker');
  await page.goto(new URL('', app.url).href);
  await app.ready(page);
  assert.deepEqual(fetched, [], 'nor does the library');
  await addByPaste(page, 'A press report');
  for (const suffix of ['_loader.js', '.js', '_bg.wasm']) {
    const file = new RegExp(`^companion-worker-[0-9a-f]{16}${suffix.replace('.', '\\.')}$`);
    assert.ok(fetched.some((f) => file.test(f)), `adding a source fetched the worker's ${suffix}, named by its content (${fetched})`);
  }
  assert.equal(fetched.length, 3, `only those (${fetched})`);
  await context.close();
  app.assertClean();
});

test('after one visit an added source opens, marked and compared, with the server gone', async () => {
  const context = await app.newContext();
  const page = await app.open('', { context });
  await controlled(page);
  const href = await addByPaste(page, 'Kept for offline');
  await page.close();
  await app.stopServer();
  // A new page, so the worker started online is not the one that answers.
  const offline = await context.newPage();
  await offline.goto(new URL(href, app.url).href);
  await app.ready(offline);
  await offline.getByRole('heading', { level: 1, name: 'Kept for offline' }).waitFor();
  await offline.getByText(/Albanian police entered the camp/).waitFor();
  // The glossary's marks, which the worker found.
  await offline.locator('main .term', { hasText: 'MEK' }).first().waitFor();
  await context.close();
  await app.restartServer();
  app.assertClean();
});

test('a worker that cannot start: the reader and the comparison say so under their heading, and the source is kept', async () => {
  const context = await app.newContext({ serviceWorkers: 'block' });
  const page = await app.open('', { context });
  const href = await addByPaste(page, 'Read when blocked');
  await page.close();
  // From now on the worker's files do not arrive (a filter, or offline before they were cached).
  await context.route(/companion-worker-/, (route) => route.abort());
  const reader = await context.newPage();
  await reader.goto(new URL(href, app.url).href);
  await app.ready(reader);
  await reader.getByRole('heading', { level: 1, name: 'Read when blocked' }).waitFor();
  await reader.getByRole('alert').filter({ hasText: 'could not start or did not answer' }).waitFor();
  const id = new URL(href, app.url).searchParams.get('source');
  await reader.goto(new URL(`compare/?a=${id}&b=lends-hope`, app.url).href);
  await app.ready(reader);
  await reader.getByRole('heading', { level: 1, name: 'Compare two documents' }).waitFor();
  await reader.getByRole('alert').filter({ hasText: 'could not start or did not answer' }).waitFor();
  // Only the worker's blocked files went wrong.
  const problems = app.takeProblems();
  assert.ok(problems.every((p) => /companion-worker-|ERR_FAILED|Failed to load/.test(JSON.stringify(p))), JSON.stringify(problems));
  // Nothing was lost: once the files arrive, the source opens with its text.
  await context.unroute(/companion-worker-/);
  await reader.goto(new URL(href, app.url).href);
  await app.ready(reader);
  await reader.getByText(/Albanian police entered the camp/).waitFor();
  await context.close();
  app.assertClean();
});
