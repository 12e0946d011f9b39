// Search (issue 7): "/" focuses the field, results as you type, phrases, folding, prefixes,
// keyboard through results, shareable URLs, suggestions, and no HTML from input.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { searchField as field, startApp, waitUntil } from './harness.mjs';

/** The search's status once it has an outcome: a first search fetches the index, and the
 * status says so until it has arrived. */
async function outcome(page) {
  const status = page.getByRole('status').first();
  await waitUntil(async () => !/^Loading/.test(await status.textContent()), 'the search index arrives');
  return status.textContent();
}

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

// Marks in the documents' passages; the glossary's entries are checked on their own.
const marks = (page) => page.locator('.results section.result-group:not(.glossary-results) mark').allTextContents();

test('"/" focuses the search field and results appear as you type', async () => {
  // The figures' page: the search page is in its module, so the typing is followed in place.
  const page = await app.open('figures/');
  await page.locator('main h1').click();
  await page.keyboard.press('/');
  assert.equal(await field(page).evaluate((el) => el === document.activeElement), true);
  await page.keyboard.type('"troll farm"');
  await page.getByRole('heading', { level: 1, name: 'Search' }).waitFor();
  await waitUntil(async () => (await page.getByRole('status').first().textContent()).startsWith('3 hits'), 'the total is announced');
  const groups = page.locator('.results section.result-group h2');
  assert.deepEqual((await groups.allTextContents()).map((t) => t.split(' — ')[0]), ['Glossary', 'Camp Ashraf 3']);
  assert.match(await groups.nth(1).textContent(), /historical revision · 3 hits/);
  assert.deepEqual((await marks(page)).map((m) => m.toLowerCase()), ['troll farm', 'troll farm', 'troll farm']);
  const entryMarks = await page.locator('.glossary-results mark').allTextContents();
  assert.ok(entryMarks.length >= 1 && entryMarks.every((m) => m.toLowerCase() === 'troll farm'), `the entry marks the phrase too: ${entryMarks}`);
  await waitUntil(() => /\/search\/\?q=%22troll\+farm%22$/.test(page.url()), 'the URL follows once typing pauses');
  app.assertClean();
});

test('folding and prefixes: Manez, durres, rrumb', async () => {
  const page = await app.open('search/?q=Manez');
  assert.deepEqual(await marks(page), ['Manëz', 'Manëz']);
  await field(page).fill('durres');
  await waitUntil(async () => (await marks(page)).includes('Durrës'), 'durres finds Durrës');
  assert.ok((await marks(page)).includes('Durres'));
  await field(page).fill('rrumb');
  await waitUntil(async () => (await marks(page)).every((m) => m === 'Rrumbullaku') && (await marks(page)).length === 3, 'a prefix finds the name');
  app.assertClean();
});

test('the arrow keys move through results and Enter opens the paragraph with hits marked', async () => {
  const page = await app.open('search/?q=Rrumbullaku');
  await field(page).focus();
  await page.keyboard.press('ArrowDown');
  const first = await page.evaluate(() => document.activeElement.getAttribute('href'));
  await page.keyboard.press('ArrowDown');
  let second = await page.evaluate(() => document.activeElement.getAttribute('href'));
  assert.notEqual(first, second);
  // Past the glossary entries to the first passage.
  for (let i = 0; i < 5 && !second.includes('read/'); i++) {
    await page.keyboard.press('ArrowDown');
    second = await page.evaluate(() => document.activeElement.getAttribute('href'));
  }
  assert.match(second, /(^|\/)read\/encyclopedia-earlier\/\?q=Rrumbullaku#p\d+$/);
  await page.keyboard.press('Enter');
  await page.locator('.reader .text mark.hit').first().waitFor();
  assert.ok(page.url().endsWith(second));
  const target = second.split('#')[1];
  assert.equal(await page.locator(`#${target} mark.hit`).first().textContent(), 'Rrumbullaku');
  app.assertClean();
});

test('a search link opens the same results in a fresh browser', async () => {
  const a = await app.open('search/?q=stipend');
  const b = await app.open('search/?q=stipend');
  await outcome(a);
  await outcome(b);
  assert.deepEqual(await a.locator('.results').textContent(), await b.locator('.results').textContent());
  assert.equal(await field(b).inputValue(), 'stipend');
  app.assertClean();
});

test('no result says so and suggests a near spelling that works', async () => {
  const page = await app.open('search/?q=Rumbullaku');
  assert.match(await outcome(page), /^0 hits/);
  await page.getByRole('link', { name: 'rrumbullaku' }).click();
  await waitUntil(async () => (await marks(page)).length === 3, 'the suggestion finds the name');
  app.assertClean();
});

test('glossary entries are found too', async () => {
  const page = await app.open('search/?q=prosecution');
  const glossary = page.locator('section.result-group', { has: page.getByRole('heading', { name: 'Glossary' }) });
  const spak = glossary.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'SPAK' }) });
  // The results follow the search index, which the first search fetches.
  await spak.locator('mark').first().waitFor();
  assert.deepEqual(await spak.locator('mark').allTextContents(), ['prosecution', 'Prosecution'], 'the words found are marked in the entry');
  await glossary.getByRole('link', { name: 'SPAK' }).click();
  await page.locator('article#term-spak').waitFor();
  app.assertClean();
});

test('HTML typed into search is shown as text, never inserted as markup', async () => {
  const page = await app.open('?view=search&q=' + encodeURIComponent('<img src=x onerror=alert(1)>'));
  assert.equal(await page.locator('main img').count(), 0);
  assert.match(await outcome(page), /<img src=x onerror=alert\(1\)>/);
  app.assertClean();
});

test('the search index is its own file, fetched on the first search only, and a failed fetch is said', async () => {
  const context = await app.newContext();
  const fetched = [];
  // The page's own requests: the service worker also precaches the file, in the background.
  context.on('request', (r) => !r.serviceWorker() && /search-index-[0-9a-f]{16}\.bin$/.test(r.url()) && fetched.push(r.url()));
  const page = await app.open('read/lends-hope/', { context });
  assert.deepEqual(fetched, [], 'reading does not fetch the index');
  await field(page).fill('Habibi');
  await field(page).press('Enter');
  await waitUntil(async () => /hits? for “Habibi”/.test(await page.locator('.search-summary').textContent()), 'results');
  assert.equal(fetched.length, 1, 'the first search fetches it');
  await field(page).fill('Habibi wrote');
  await waitUntil(async () => /“Habibi wrote”/.test(await page.locator('.search-summary').textContent()), 'next results');
  assert.equal(fetched.length, 1, 'once');
  await context.close();
  // Blocked (a filter, a host that lost the file): the page says so instead of "0 hits".
  const blocked = await app.newContext();
  await blocked.route(/search-index-[0-9a-f]{16}\.bin$/, (route) => route.fulfill({ status: 404, body: 'gone' }));
  const page2 = await app.open('search/?q=troll', { context: blocked });
  assert.match(await page2.getByRole('alert').textContent(), /The search index could not be loaded \(the host answered 404\)/);
  await blocked.close();
  app.takeProblems(); // the 404 is logged by the browser, on purpose
  app.assertClean();
});
