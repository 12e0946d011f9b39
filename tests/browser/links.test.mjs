// Links that survive a reload (issue 12): every navigation the app makes by itself (search
// typing, the comparison's selectors and swap, result and figure links) leaves a URL that,
// pasted into a fresh tab, opens the same view; under a sub-path the base appears once.
// Browsers that refuse history writes past a rate limit do not break the app, and a query
// of any length is answered with a bounded search that says what it left out. The views of
// issues 31 and 32 (an assignment's student and teacher links, an added source's reader and
// its comparison) reopen from their addresses, keep their view through a reload and the
// browser's back and forward, and a bad value in their query gets the page's message.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { addSource, makeAssignment } from './authoring.mjs';
import { BASE_PATH, mainText, searchField as field, startApp, waitUntil } from './harness.mjs';

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

/**
 * The page's URL opened in a fresh tab (a new browser context) shows the same view; with
 * `context`, in a new tab of that browser (for what is kept in its storage).
 */
async function reopens(page, what, context) {
  const url = new URL(page.url());
  assert.ok(url.pathname.startsWith(BASE_PATH), `${what}: the URL is under the sub-path: ${url.href}`);
  assert.equal(url.href.split(BASE_PATH).length, 2, `${what}: the sub-path appears once in ${url.href}`);
  const fresh = await app.open(url.href, { context });
  const [h1, again] = await Promise.all([page.locator('main h1').first().textContent(), fresh.locator('main h1').first().textContent()]);
  assert.equal(again, h1, `${what}: the same heading in a fresh tab`);
  assert.equal(await mainText(fresh), await mainText(page), `${what}: the same view in a fresh tab`);
  await (context ? fresh.close() : fresh.context().close());
}

/** A reload keeps the view: the same address, heading and text. */
async function reloadKeeps(page, what) {
  const [url, text] = [page.url(), await mainText(page)];
  await page.reload();
  await app.ready(page);
  assert.equal(page.url(), url, `${what}: the address after a reload`);
  await waitUntil(async () => (await mainText(page)) === text, `${what}: the same view after a reload`);
}

/** Whether the view is still loading: a view that waits (for the search index, for the added
 * sources' worker) says so in a status line ending with an ellipsis. */
const loading = (page) => page.getByRole('main').getByRole('status').filter({ hasText: /…$/ }).count();

/** Back to `page`'s current view from the next one `leave` opens, and forward again. The next
 * view is read once it has settled: a comparison with an added source shows "Aligning the
 * passages…" until the worker answers, and that line is not the view. */
async function backAndForward(page, what, leave) {
  const [url, text] = [page.url(), await mainText(page)];
  await leave();
  await waitUntil(async () => page.url() !== url && (await mainText(page)) !== text && !(await loading(page)), `${what}: left the view`);
  const [next, nextText] = [page.url(), await mainText(page)];
  await page.goBack();
  await waitUntil(async () => page.url() === url && (await mainText(page)) === text, `${what}: back shows the view again`);
  await page.goForward();
  await waitUntil(async () => page.url() === next && (await mainText(page)) === nextText, `${what}: forward shows the next view again`);
  await page.goBack();
  await waitUntil(async () => page.url() === url && (await mainText(page)) === text, `${what}: and back once more`);
}

/** Opens `path` and waits for the page's message about it (`message`) under its heading `h1`. */
async function saysWhatIsWrong(path, h1, message, context) {
  const page = await app.open(path, { context });
  await page.getByRole('heading', { level: 1, name: h1 }).waitFor();
  await page.getByRole('main').getByText(message).waitFor();
  await page.close();
}

test('search typing and a result click leave URLs that reopen', async () => {
  // From the library, Enter opens the search page; there the URL follows the typing.
  const page = await app.open('');
  await field(page).click();
  await page.keyboard.type('troll', { delay: 20 });
  await page.keyboard.press('Enter');
  await waitUntil(() => page.url().endsWith('/search/?q=troll'), 'Enter opens the search page');
  await app.ready(page);
  await field(page).click();
  await page.keyboard.type(' farm', { delay: 20 });
  await waitUntil(() => page.url().endsWith('/search/?q=troll+farm'), 'the URL follows the query once typing pauses');
  await reopens(page, 'search typing');
  await page.locator('a.result-link').filter({ hasText: 'Paragraph' }).first().click();
  await page.locator('.reader .text mark').first().waitFor();
  await reopens(page, 'search result');
  app.assertClean();
});

test('both selectors and the swap button leave URLs that reopen', async () => {
  const page = await app.open('compare/');
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
  const page = await app.open('compare/?embed=1');
  await page.getByLabel('Right document').selectOption('lends-hope');
  await waitUntil(() => /\/compare\/[^/?#]+\/lends-hope\/\?embed=1$/.test(page.url()), 'right selector');
  assert.match(page.url(), /embed=1/);
  await reopens(page, 'embedded selector');
  app.assertClean();
});

test('figure links and the numbers in the reader leave URLs that reopen', async () => {
  const page = await app.open('figures/');
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
  const page = await app.open(`search/?q=${'camp+'.repeat(1500)}`);
  await page.getByText(/only its first 12 words \(and 200 characters\) were searched/).waitFor();
  assert.match(await page.getByRole('status').first().textContent(), /^\d+ hits for/);
  app.assertClean();
});

test('every link the claims, lineage, questions and notes views write opens its view in a fresh tab', async () => {
  // A note, so My notes has a link of its own.
  const writer = await app.open('read/lends-hope/');
  await writer.getByRole('button', { name: 'Add a note to paragraph 4' }).click();
  await writer.getByLabel('Your note').fill('A link back');
  await writer.getByRole('button', { name: 'Save note' }).click();
  const hrefs = new Set();
  for (const path of ['claims/', 'claims/raid-death/', 'lineage/', 'questions/']) {
    const page = await app.open(path);
    for (const href of await page.locator('main a[href]').evaluateAll((as) => as.map((a) => a.href))) hrefs.add(href);
  }
  await writer.goto(new URL('notes/', app.url).href);
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

test('an assignment’s student and teacher links reopen, keep their view through reload, back and forward; a bad one says so', async () => {
  const teacher = await app.newContext();
  const tp = await app.open('teacher/', { context: teacher });
  const { link, edit } = await makeAssignment(tp, 'Links that last', ['who-wrote', 'for-whom']);
  await teacher.close();

  const student = await app.newContext();
  const sp = await app.open(link, { context: student });
  await sp.getByRole('heading', { level: 1, name: 'Links that last' }).waitFor();
  assert.equal(await sp.getByRole('heading', { level: 2, name: /^Question \d$/ }).count(), 2);
  await reopens(sp, 'assignment link');
  await reloadKeeps(sp, 'assignment link');
  await backAndForward(sp, 'assignment link', () => sp.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My notes' }).click());

  const tp2 = await app.open(edit, { context: student });
  await tp2.getByText(/Editing “Links that last”, version 1/).waitFor();
  assert.equal(await tp2.getByLabel('Title').inputValue(), 'Links that last');
  await reopens(tp2, 'teacher’s link');
  await reloadKeeps(tp2, 'teacher’s link');
  assert.equal(await tp2.getByLabel('Title').inputValue(), 'Links that last', 'the composer holds the assignment after a reload');
  await backAndForward(tp2, 'teacher’s link', () => tp2.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Glossary' }).click());
  assert.equal(await tp2.getByLabel('Title').inputValue(), 'Links that last', 'and after back');
  await student.close();

  await saysWhatIsWrong(`${link.slice(0, -12)}`, 'Assignment', /damaged: it was cut short or changed by hand/);
  await saysWhatIsWrong('assignment/?a=hello', 'Assignment', /format this companion does not know|damaged/);
  await saysWhatIsWrong(`${edit.slice(0, -12)}`, 'Assignments for teachers', /A new assignment is started below instead\./);
  app.assertClean();
});

test('an added source’s reader and its comparison reopen in the same browser, keep their view through reload, back and forward; an unknown id says so', async () => {
  const context = await app.newContext();
  const page = await app.open('', { context });
  const id = await addSource(page, 'A report to reopen', 'Albanian police entered the camp near Manëz in June 2023.\nA second paragraph of the report.');
  await page.getByRole('link', { name: /^A report to reopen/ }).click();
  await page.getByRole('heading', { level: 1, name: 'A report to reopen' }).waitFor();
  assert.ok(page.url().endsWith(`/added/?source=${id}`), page.url());
  await reopens(page, 'added reader', context);
  await reloadKeeps(page, 'added reader');
  await backAndForward(page, 'added reader', () => page.getByRole('link', { name: 'Compare side by side with another document' }).click());

  await page.getByRole('link', { name: 'Compare side by side with another document' }).click();
  await page.getByLabel('Left document').selectOption(id);
  await page.getByLabel('Right document').selectOption('lends-hope');
  await page.waitForURL(new RegExp(`/compare/\\?a=${id}&b=lends-hope$`));
  await page.locator('table.cmp-table th', { hasText: 'A report to reopen' }).waitFor();
  await reopens(page, 'comparison with an added source', context);
  await reloadKeeps(page, 'comparison with an added source');
  assert.equal(await page.getByLabel('Left document').inputValue(), id, 'the added source is still chosen after a reload');
  await backAndForward(page, 'comparison with an added source', () => page.getByRole('button', { name: 'Swap documents' }).click());
  assert.ok(page.url().endsWith(`/compare/?a=${id}&b=lends-hope`));

  await saysWhatIsWrong('added/?source=added-nothing-here', 'Not found', /There is no added source with the id “added-nothing-here” in this browser/, context);
  await saysWhatIsWrong(`compare/?a=added-nothing-here&b=lends-hope`, 'Compare two documents', /There is no document with the id “added-nothing-here”; another one is shown instead\./, context);
  await context.close();
  app.assertClean();
});
