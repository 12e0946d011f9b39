// Links that survive a reload (issue 12): every navigation the app makes by itself (search
// typing, the comparison's selectors and swap, result and figure links) leaves a URL that,
// pasted into a fresh tab, opens the same view; under a sub-path the base appears once.
// Browsers that refuse history writes past a rate limit do not break the app, and a query
// of any length is answered with a bounded search that says what it left out.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { BASE_PATH, mainText, searchField as field, startApp, waitUntil } from './harness.mjs';

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});


/** The page's URL opened in a fresh tab (a new browser context) shows the same view. */
async function reopens(page, what) {
  const url = new URL(page.url());
  assert.ok(url.pathname.startsWith(BASE_PATH), `${what}: the URL is under the sub-path: ${url.href}`);
  assert.equal(url.href.split(BASE_PATH).length, 2, `${what}: the sub-path appears once in ${url.href}`);
  const fresh = await app.open(url.href);
  const [h1, again] = await Promise.all([page.locator('main h1').first().textContent(), fresh.locator('main h1').first().textContent()]);
  assert.equal(again, h1, `${what}: the same heading in a fresh tab`);
  assert.equal(await mainText(fresh), await mainText(page), `${what}: the same view in a fresh tab`);
  await fresh.context().close();
}

test('search typing and a result click leave URLs that reopen', async () => {
  const page = await app.open('');
  await field(page).click();
  await page.keyboard.type('troll farm', { delay: 20 });
  await waitUntil(() => page.url().endsWith('/search/?q=troll+farm'), 'the URL follows the query once typing pauses');
  await reopens(page, 'search typing');
  await page.locator('a.result-link').filter({ hasText: 'Paragraph' }).first().click();
  await page.locator('.reader .text mark').first().waitFor();
  await reopens(page, 'search result');
  app.assertClean();
});

test('both selectors and the swap button leave URLs that reopen', async () => {
  const page = await app.open('?view=compare');
  await page.getByLabel('Left document').selectOption('home-to-mek');
  await waitUntil(() => /\/compare\/home-to-mek\/[^/?#]+\/$/.test(page.url()), 'left selector');
  await reopens(page, 'left selector');
  await page.getByLabel('Right document').selectOption('source-of-hope');
  await waitUntil(() => page.url().endsWith('/compare/home-to-mek/source-of-hope/'), 'right selector');
  await reopens(page, 'right selector');
  await page.getByRole('button', { name: 'Swap documents' }).click();
  await waitUntil(() => page.url().endsWith('/compare/source-of-hope/home-to-mek/'), 'swap');
  await reopens(page, 'swap');
  app.assertClean();
});

test('the embed form stays the embed form when its selectors change the pair', async () => {
  const page = await app.open('?view=compare&embed=1');
  await page.getByLabel('Right document').selectOption('lends-hope');
  await waitUntil(() => /\/compare\/[^/?#]+\/lends-hope\/\?embed=1$/.test(page.url()), 'right selector');
  assert.match(page.url(), /embed=1/);
  await reopens(page, 'embedded selector');
  app.assertClean();
});

test('figure links and the numbers in the reader leave URLs that reopen', async () => {
  const page = await app.open('?view=figures');
  await page.getByRole('link', { name: 'People living in Ashraf 3' }).click();
  await page.getByRole('heading', { level: 1, name: 'People living in Ashraf 3' }).waitFor();
  await reopens(page, 'quantity link');
  await page.getByRole('link', { name: 'Read the passage' }).first().click();
  await page.locator('.reader .text mark.quote').first().waitFor();
  await reopens(page, 'passage link');
  await page.locator('.reader .text a.figure-num').first().click();
  await page.locator('svg.figure-chart').waitFor();
  await reopens(page, 'number in the reader');
  app.assertClean();
});

test('a browser that refuses history writes after 25 calls keeps the app alive', async () => {
  // Reduced motion: no smooth scrolling to wait for after each of the many clicks below.
  const context = await app.newContext({ reducedMotion: 'reduce' });
  // What Safari does after 100 calls in 30 seconds, sooner.
  await context.addInitScript(() => {
    let calls = 0;
    for (const name of ['pushState', 'replaceState']) {
      const original = History.prototype[name];
      History.prototype[name] = function (...args) {
        calls += 1;
        if (calls > 25) throw new DOMException(`Attempt to use history.${name}() more than 25 times`, 'SecurityError');
        return original.apply(this, args);
      };
    }
  });
  const page = await app.open('?view=read&doc=encyclopedia-later', { context });
  const query = 'the camp near manez in durres county where members live now.';
  assert.equal(query.length, 60);
  await field(page).click();
  await page.keyboard.type(query, { delay: 15 });
  await waitUntil(async () => (await page.getByRole('status').first().textContent()).includes(`“${query}”`), 'results follow every keystroke');
  await waitUntil(() => decodeURIComponent(page.url()).includes(query.replaceAll(' ', '+')), 'the URL follows once typing pauses');
  // Use up the limit with ordinary links: the views still change, nothing panics.
  await page.goto(new URL('?view=read&doc=home-to-mek', app.url).href);
  await app.ready(page);
  for (let i = 0; i < 30; i++) {
    const next = page.getByRole('link', { name: /^Next:|^Previous:/ }).first();
    const title = await next.textContent();
    await next.click();
    await page.getByRole('heading', { level: 1, name: title.replace(/^(Next|Previous): /, '') }).waitFor();
  }
  assert.equal(await page.getByRole('dialog').count(), 0, 'no panic screen');
  await field(page).fill('rrumbullaku');
  await waitUntil(async () => (await page.getByRole('status').first().textContent()).match(/^\d+ hits? for “rrumbullaku”/), 'search still answers');
  await context.close();
  app.assertClean();
});

test('a query of over a thousand words is answered, and the page says what was searched', async () => {
  // 7.5 KB: about the longest URL common servers accept.
  const page = await app.open(`?view=search&q=${'camp+'.repeat(1500)}`);
  await page.getByText(/only its first 12 words \(and 200 characters\) were searched/).waitFor();
  assert.match(await page.getByRole('status').first().textContent(), /^\d+ hits for/);
  app.assertClean();
});

test('every link the claims, lineage, questions and notes views write opens its view in a fresh tab', async () => {
  // A note, so My notes has a link of its own.
  const writer = await app.open('?view=read&doc=lends-hope');
  await writer.getByRole('button', { name: 'Add a note to paragraph 4' }).click();
  await writer.getByLabel('Your note').fill('A link back');
  await writer.getByRole('button', { name: 'Save note' }).click();
  const hrefs = new Set();
  for (const path of ['?view=claims', '?view=claim&id=raid-death', '?view=lineage', '?view=questions']) {
    const page = await app.open(path);
    for (const href of await page.locator('main a[href]').evaluateAll((as) => as.map((a) => a.href))) hrefs.add(href);
  }
  await writer.goto(new URL('?view=notes', app.url).href);
  await app.ready(writer);
  for (const href of await writer.locator('main a[href]').evaluateAll((as) => as.map((a) => a.href))) hrefs.add(href);
  const inApp = [...hrefs].filter((h) => h.startsWith(app.url));
  assert.ok(inApp.length > 100, `links found: ${inApp.length}`);
  const fresh = await app.newContext();
  const tab = await fresh.newPage();
  for (const href of inApp) {
    const url = new URL(href);
    assert.ok(url.pathname.startsWith(BASE_PATH), `the link is under the sub-path: ${href}`);
    assert.equal(href.split(BASE_PATH).length, 2, `the sub-path appears once in ${href}`);
    await tab.goto(href);
    await app.ready(tab);
    assert.doesNotMatch(await tab.locator('main h1').first().textContent(), /not found/i, href);
    // A claim's passage opens with its quote highlighted.
    if (url.searchParams.has('claim')) await tab.locator('.reader .text mark.quote').first().waitFor({ timeout: 5000 });
  }
  await fresh.close();
  app.assertClean();
});
