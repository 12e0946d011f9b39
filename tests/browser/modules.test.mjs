// Each kind of page loads only its own wasm module (issue 27: src/bin, one per `route::Module`),
// so a reader does not download My notes' code: a link to a view of another module is a page
// load, back and forward return through those pages with the app running, and the header's
// search opens the search page (the study module's) on Enter from any other module's page. 404.html, which may stand for any
// address, loads the whole app.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { BASE_PATH, searchField, startApp } from './harness.mjs';

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

/** The wasm files this document fetched, by the name of their module (`reading`, …). */
const modules = (page) =>
  page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => new URL(e.name).pathname.split('/').pop())
      .filter((name) => name.endsWith('_bg.wasm') && !name.startsWith('companion-worker'))
      .map((name) => name.replace(/-[0-9a-f]{16}_bg\.wasm$/, '')),
  );

/** Whether this document fetched the corpus text. */
const fetchedText = (page) =>
  page.evaluate(() => performance.getEntriesByType('resource').some((e) => /corpus-text-[0-9a-f]{16}\.txt$/.test(e.name)));

test('each kind of page fetches its own module and no other, and the corpus text only where it shows the documents’ text', async () => {
  const context = await app.newContext();
  for (const [path, module, heading, text] of [
    ['', 'library', 'Library', false],
    ['glossary/', 'glossary', 'Glossary', false],
    ['read/lends-hope/', 'reading', /Lends Hope/, true],
    ['compare/lends-hope/home-to-mek/', 'compare', 'Compare two documents', true],
    ['claims/', 'claims', 'Claims against sources', false],
    ['figures/', 'study', 'Figures', true],
    ['notes/', 'work', 'My notes', true],
    ['read/no-such-document/', 'ashraf3-companion', 'Not found', true],
  ]) {
    const page = await app.open(path, { context });
    assert.ok(await page.getByRole('heading', { level: 1, name: heading }).isVisible(), `${path}: its heading`);
    assert.deepEqual(await modules(page), [module], `${path || 'the library'} loads the ${module} module`);
    assert.equal(await fetchedText(page), text, `${path || 'the library'} ${text ? 'fetches' : 'does not fetch'} the corpus text`);
    await page.close();
  }
  // The host answers the unknown address with 404.html and its status, which the console logs.
  assert.deepEqual(
    app.takeProblems().filter((p) => !/no-such-document\/: Failed to load resource: the server responded with a status of 404/.test(p)),
    [],
  );
  await context.close();
  app.assertClean();
});

test('pages that show no document’s text start and work without the corpus text file', async () => {
  const context = await app.newContext();
  await context.route(/corpus-text-[0-9a-f]{16}\.txt$/, (route) => route.fulfill({ status: 404, body: 'gone' }));
  const page = await app.open('claims/', { context });
  await page.getByLabel('Topic', { exact: true }).selectOption({ label: 'The June 2023 police raid' });
  await page.waitForURL(/claims\/\?topic=raid$/);
  await page.getByRole('status').filter({ hasText: /^\d+ of \d+ claims shown/ }).waitFor();
  await page.goto(new URL('glossary/', app.url).href);
  await app.ready(page);
  await page.goto(new URL('', app.url).href);
  await app.ready(page);
  await context.close();
  app.assertClean();
});

test('a link to another kind of page loads that page; back and forward return with the app running', async () => {
  const page = await app.open('read/lends-hope/');
  await page.evaluate(() => (window.__sameDocument = true));
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Compare' }).click();
  await page.getByRole('heading', { level: 1, name: 'Compare two documents' }).waitFor();
  await app.ready(page);
  assert.equal(new URL(page.url()).pathname, `${BASE_PATH}compare/`);
  assert.equal(await page.evaluate(() => window.__sameDocument), undefined, 'the comparison is a page of its own');
  assert.deepEqual(await modules(page), ['compare']);
  await nav.getByRole('link', { name: 'My notes' }).click();
  await page.getByRole('heading', { level: 1, name: 'My notes' }).waitFor();
  await app.ready(page);
  await page.goBack();
  await page.getByRole('heading', { level: 1, name: 'Compare two documents' }).waitFor();
  await app.ready(page);
  await page.goBack();
  await page.getByRole('heading', { level: 1, name: /Lends Hope/ }).waitFor();
  await app.ready(page);
  // The app runs on the page it came back to: a note can be written.
  await page.getByRole('button', { name: 'Add a note to paragraph 4' }).click();
  await page.getByLabel('Your note').waitFor();
  await page.goForward();
  await page.getByRole('heading', { level: 1, name: 'Compare two documents' }).waitFor();
  assert.equal(new URL(page.url()).pathname, `${BASE_PATH}compare/`);
  await page.context().close();
  app.assertClean();
});

test('the header’s search on a page of another module opens the search page on Enter', async () => {
  const page = await app.open('compare/lends-hope/home-to-mek/');
  await page.evaluate(() => (window.__sameDocument = true));
  await searchField(page).click();
  await page.keyboard.type('Manez');
  assert.equal(await searchField(page).inputValue(), 'Manez', 'every key reached the field');
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no page load while typing');
  assert.equal(await page.getByRole('heading', { level: 1, name: 'Compare two documents' }).count(), 1, 'the comparison stays while typing');
  await page.keyboard.press('Enter');
  await page.getByRole('status').filter({ hasText: /hits? for “Manez”/ }).waitFor();
  await app.ready(page);
  assert.equal(await page.evaluate(() => window.__sameDocument), undefined, 'the search page is a page load');
  assert.equal(new URL(page.url()).pathname, `${BASE_PATH}search/`);
  assert.deepEqual(await modules(page), ['study']);
  assert.equal(await searchField(page).inputValue(), 'Manez');
  // There the results follow the typing, in the same page.
  await page.evaluate(() => (window.__sameDocument = true));
  await searchField(page).fill('Manez Durres');
  await page.getByRole('status').filter({ hasText: /hits? for “Manez Durres”/ }).waitFor();
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no page load while typing on the search page');
  // A result opens the reader, a page of the reading module.
  await page.locator('.results a.result-link[href*="read/"]').first().click();
  await page.getByRole('heading', { level: 1, name: /./ }).first().waitFor();
  await app.ready(page);
  assert.match(new URL(page.url()).pathname, new RegExp(`^${BASE_PATH}read/`));
  assert.deepEqual(await modules(page), ['reading']);
  await page.context().close();
  app.assertClean();
});
