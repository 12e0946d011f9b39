// Claims against sources (issue 15): the grid found from the navigation, a cell's passage in
// the reader and the reader's link back, filters and their URLs, independent origins, the
// phone layout, the lineage with its table and the retellings' findings (the later revision's
// too, on its comparison as well), a dropped attribution, embed and print.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startApp, waitUntil } from './harness.mjs';

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

const grid = (page) => page.getByRole('table', { name: 'Claims (rows) against the five documents (columns)' });
const DOCS = ['Home to MEK (supporting site)', 'Source of hope (PMOI/MEK)', 'Encyclopedia, earlier revision', 'Lends hope (summary)', 'Encyclopedia, later revision'];

/** The cell of `row` under the column named `doc`. */
async function cell(page, row, doc) {
  const heads = await grid(page).locator('thead th').allTextContents();
  return row.locator('td').nth(heads.indexOf(doc) - 1);
}

test('the claims grid is found from the navigation: claims by documents, stances in words', async () => {
  const page = await app.open('');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Claims' }).click();
  await page.getByRole('heading', { level: 1, name: 'Claims against sources' }).waitFor();
  assert.match(page.url(), /\/claims\/$/);
  const table = grid(page);
  assert.deepEqual(await table.locator('thead th').allTextContents(), ['Claim', ...DOCS]);
  const rows = table.locator('tbody tr');
  assert.ok((await rows.count()) >= 15, 'at least 15 claims');
  // Every row header is a claim; every cell names a stance or says "Silent".
  assert.equal(await table.locator('tbody th[scope="row"]').count(), await rows.count());
  for (const text of await table.locator('tbody td').allTextContents()) {
    assert.match(text, /^(Silent|(States it|Reports an allegation|Reports a denial|Contradicts it)“)/, text.slice(0, 80));
  }
  const troll = rows.filter({ has: page.getByRole('rowheader', { name: /troll farm/ }) }).first();
  const earlier = await cell(page, troll, 'Encyclopedia, earlier revision');
  assert.match(await earlier.textContent(), /Reports an allegation“[^”]*troll farm/);
  assert.match(await earlier.textContent(), /Reports a denial/);
  assert.equal(await (await cell(page, troll, 'Home to MEK (supporting site)')).textContent(), 'Silent');
  // Repetition is not corroboration: four documents carry the campaign claim from one origin.
  const campaign = rows.filter({ has: page.getByRole('rowheader', { name: /campaign to discredit/ }) }).first();
  assert.match(await campaign.locator('th').textContent(), /4 documents, 1 independent origin;/);
  app.assertClean();
});

test('a cell opens its passage with the quote highlighted, and the reader links back to the claim', async () => {
  const page = await app.open('claims/');
  const troll = grid(page).locator('tbody tr').filter({ has: page.getByRole('rowheader', { name: /troll farm/ }) }).first();
  const earlier = await cell(page, troll, 'Encyclopedia, earlier revision');
  const quote = (await earlier.locator('blockquote').first().textContent()).replace(/^“|”$/g, '');
  const claimText = await troll.getByRole('rowheader').getByRole('link').textContent();
  await earlier.getByRole('link', { name: 'Read the passage' }).first().click();
  const mark = page.locator('.reader .text mark.quote').first();
  await mark.waitFor();
  assert.match(page.url(), /\/read\/encyclopedia-earlier\/\?claim=[a-z-]+#p\d+$/);
  assert.ok(quote.includes(await mark.textContent()), `the highlight is the quote: ${await mark.textContent()}`);
  const paragraph = page.locator(`p#${new URL(page.url()).hash.slice(1)}`);
  await waitUntil(() => paragraph.evaluate((el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; }), 'the passage is in view');
  // The paragraph's own list of the claims it bears on leads back.
  const here = paragraph.locator('xpath=..').locator('details.claims-here');
  await here.locator('summary').click();
  await here.getByRole('link', { name: claimText }).click();
  await page.getByRole('heading', { level: 1, name: claimText }).waitFor();
  assert.match(page.url(), /\/claims\/troll-farm\/$/);
  assert.ok(await page.getByRole('heading', { level: 2, name: 'Who originally makes the statements' }).isVisible());
  app.assertClean();
});

test('filters and order have URLs that reopen the same view', async () => {
  const page = await app.open('claims/');
  const total = await grid(page).locator('tbody tr').count();
  await page.getByLabel('Topic', { exact: true }).selectOption({ label: 'The June 2023 police raid' });
  await waitUntil(() => /[?&]topic=raid(&|$)/.test(page.url()), 'the topic is in the URL');
  const topics = await grid(page).locator('tbody .claim-topic').allTextContents();
  assert.ok(topics.length > 0 && topics.length < total);
  assert.ok(topics.every((t) => t === 'The June 2023 police raid'), topics.join());
  assert.match(await page.getByRole('status').first().textContent(), new RegExp(`^${topics.length} of ${total} claims shown`));
  await page.getByLabel('Order', { exact: true }).selectOption({ label: 'Most contested first' });
  await waitUntil(() => /sort=contested/.test(page.url()), 'the order is in the URL');
  const first = await grid(page).locator('tbody th').first().textContent();
  assert.match(first, /denied or contradicted in/, 'the most contested claim comes first');
  // The same URL in a fresh tab shows the same rows, with the selects set.
  const again = await app.open(page.url());
  assert.equal(await again.getByLabel('Topic', { exact: true }).inputValue(), 'raid');
  assert.equal(await again.getByLabel('Order', { exact: true }).inputValue(), 'contested');
  assert.equal(await grid(again).locator('tbody th').first().textContent(), first);
  // By document: every row left has a passage in that document's column.
  await again.getByLabel('Topic', { exact: true }).selectOption({ label: 'All topics' });
  await again.getByLabel('Document', { exact: true }).selectOption({ label: 'Home to MEK (supporting site)' });
  await waitUntil(() => /doc=home-to-mek/.test(again.url()) && !/topic=/.test(again.url()), 'the document filter replaces the topic');
  const rows = grid(again).locator('tbody tr');
  assert.ok((await rows.count()) >= 3);
  for (let i = 0; i < (await rows.count()); i++) {
    assert.notEqual(await (await cell(again, rows.nth(i), 'Home to MEK (supporting site)')).textContent(), 'Silent');
  }
  app.assertClean();
});

test('a reader link asking to mark what the document does not have says so', async () => {
  let page = await app.open('read/lends-hope/?term=nope');
  await page.getByRole('alert').filter({ hasText: 'There is no glossary term with the id “nope”: no term is marked.' }).waitFor();
  page = await app.open('read/lends-hope/?claim=raid-death');
  await page.getByRole('alert').filter({ hasText: /^This document says nothing on the claim “.+”: no passage is marked\.$/ }).waitFor();
  assert.equal(await page.locator('mark.quote').count(), 0);
  // A claim the document does treat is marked, with no message.
  page = await app.open('read/encyclopedia-earlier/?claim=troll-farm');
  await page.locator('mark.quote').first().waitFor();
  assert.equal(await page.getByRole('alert').count(), 0);
  app.assertClean();
});

test('unknown claims, topics and orders get a message, not a blank page', async () => {
  let page = await app.open('?view=claim&id=nope');
  assert.match(await page.locator('main').textContent(), /There is no claim with the id “nope”/);
  page = await app.open('?view=claims&topic=nope');
  assert.match(await page.getByRole('alert').textContent(), /There is no topic with the id “nope”/);
  assert.equal(await page.getByLabel('Topic', { exact: true }).isVisible(), true, 'the filters stay usable');
  assert.match(await page.getByRole('status').textContent(), /^(\d+) of \1 claims shown/, 'a mistyped topic filters nothing');
  page = await app.open('claims/?sort=colour');
  assert.match(await page.locator('main').textContent(), /cannot be sorted by “colour”/);
  // The same bad order in a link of an earlier version keeps its message.
  page = await app.open('?view=claims&sort=colour');
  assert.match(await page.locator('main').textContent(), /cannot be sorted by “colour”/);
  app.assertClean();
});

test('on a phone the grid becomes one card per claim', async () => {
  const page = await app.open('claims/', { contextOptions: { viewport: { width: 390, height: 800 }, hasTouch: true, isMobile: true } });
  assert.equal(await grid(page).isVisible(), false);
  const cards = page.getByRole('list', { name: 'Claims, one card each' }).getByRole('article');
  assert.equal(await cards.count(), 41, 'one card per claim in claims.toml');
  const card = cards.first();
  assert.ok(await card.isVisible());
  // Each card names every document with that document's treatment.
  assert.deepEqual(await card.locator('dt').allTextContents(), DOCS);
  const box = await card.boundingBox();
  assert.ok(box.x >= 0 && box.x + box.width <= 390, `the card fits: ${JSON.stringify(box)}`);
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), true);
  await card.getByRole('heading', { level: 2 }).getByRole('link').tap();
  await page.getByRole('heading', { level: 2, name: 'How each document treats it' }).waitFor();
  app.assertClean();
});

test('the lineage: a diagram with a table of the same relations, and what the retelling changed', async () => {
  const page = await app.open('claims/');
  await page.getByRole('link', { name: /^Lineage of the documents/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Lineage of the documents' }).waitFor();
  assert.ok(await page.getByRole('img', { name: /how the five documents relate/ }).isVisible());
  const table = page.getByRole('table', { name: 'Relations between the documents, and whom each cites' });
  const rows = (await table.locator('tbody tr').allTextContents()).map((r) => r.replace(/\s+/g, ' '));
  for (const expected of [
    'Lends hope (summary)summarizesSource of hope (PMOI/MEK)',
    'Lends hope (summary)quotesSource of hope (PMOI/MEK)',
    'Encyclopedia, later revisionlater revision ofEncyclopedia, earlier revision',
    'Encyclopedia, earlier revisioncitesThe Guardian (2018)',
  ]) {
    assert.ok(rows.includes(expected), `${expected} in ${rows.join(' | ')}`);
  }
  // The two revisions cite one Guardian report: the diagram draws it once, with two lines.
  assert.equal(await page.locator('svg .node.origin title', { hasText: 'The Guardian (2018)' }).count(), 1);
  const changes = page.getByRole('region', { name: 'What “Lends hope (summary)” changed from “Source of hope (PMOI/MEK)”' });
  const about = changes.getByRole('listitem').filter({ hasText: 'about 3,000' }).first();
  assert.match(await about.getByRole('heading', { level: 3 }).textContent(), /^Sharpens: /);
  assert.deepEqual(await about.getByRole('heading', { level: 4 }).allTextContents(), ['Source of hope (PMOI/MEK)', 'Lends hope (summary)']);
  assert.equal(await about.locator('blockquote').count(), 2, 'both passages');
  await about.getByRole('link', { name: 'Read the passage' }).last().click();
  await page.locator('.reader').waitFor();
  assert.match(page.url(), /\/read\/lends-hope\/#p\d+$/);
  app.assertClean();
});

// Issue 29: the later revision restates the MEK's toll without “MEK said”: one origin, and
// the page says the attribution was dropped.
test('a dropped attribution is one origin, and the grid says it was dropped', async () => {
  const page = await app.open('claims/?topic=raid');
  const death = grid(page).locator('tbody tr').filter({ has: page.getByRole('rowheader', { name: /camp resident’s death/ }) }).first();
  assert.match(await death.locator('th').textContent(), /2 documents, 1 independent origin;/);
  const later = await cell(page, death, 'Encyclopedia, later revision');
  assert.match(await later.textContent(), /^States it“The raid resulted in one death and 36 other camp residents being injured\.”Origin: PMOI\/MEK/);
  assert.match(await later.textContent(), /Attribution dropped: Encyclopedia, earlier revision names this origin; this passage does not\./);
  assert.doesNotMatch(await (await cell(page, death, 'Encyclopedia, earlier revision')).textContent(), /Attribution dropped/);
  app.assertClean();
});

test('what the later revision changed: on the lineage page and on the comparison of the two revisions', async () => {
  const name = 'What “Encyclopedia, later revision” changed from “Encyclopedia, earlier revision”';
  const page = await app.open('lineage/');
  const changes = page.getByRole('region', { name });
  const dropped = changes.getByRole('listitem').filter({ hasText: 'MEK said' }).first();
  assert.match(await dropped.getByRole('heading', { level: 3 }).textContent(), /^Drops an attribution: /);
  assert.deepEqual(await dropped.getByRole('heading', { level: 4 }).allTextContents(), ['Encyclopedia, earlier revision', 'Encyclopedia, later revision']);
  const quotes = await dropped.locator('blockquote').allTextContents();
  assert.equal(quotes.length, 2, 'both passages');
  assert.match(quotes[0], /MEK said”$/);
  assert.equal(quotes[1], '“The raid resulted in one death and 36 other camp residents being injured.”');
  const kinds = await changes.getByRole('heading', { level: 3 }).allTextContents();
  for (const kind of ['Names a source differently', 'Changes a fact or a figure', 'Adds', 'Drops']) {
    assert.ok(kinds.some((k) => k.startsWith(`${kind}: `)), `${kind} in ${kinds.length} findings`);
  }
  // The same list on the comparison of that pair, in either order, and on no other pair.
  for (const path of ['compare/encyclopedia-earlier/encyclopedia-later/', 'compare/encyclopedia-later/encyclopedia-earlier/']) {
    const cmp = await app.open(path);
    // Folded above the passages, so that they stay on the first screen.
    assert.equal(await cmp.getByRole('region', { name }).count(), 0, 'folded');
    await cmp.getByText(/^How one retells the other: \d+ changes$/).click();
    const list = cmp.getByRole('region', { name });
    assert.equal(await list.getByRole('listitem').count(), kinds.length, path);
    await list.getByRole('listitem').filter({ hasText: 'MEK said' }).getByRole('link', { name: 'Read the passage' }).first().click();
    await cmp.locator('.reader').waitFor();
    assert.match(cmp.url(), /\/read\/encyclopedia-earlier\/#p\d+$/);
  }
  const other = await app.open('compare/home-to-mek/encyclopedia-later/');
  assert.equal(await other.getByRole('region', { name: /changed from/ }).count(), 0);
  const summary = await app.open('compare/source-of-hope/lends-hope/');
  await summary.getByText(/^How one retells the other: \d+ changes$/).click();
  assert.equal(await summary.getByRole('region', { name: /changed from/ }).count(), 1);
  app.assertClean();
});

test('a claim and the lineage embed without the navigation, and print without the filters', async () => {
  for (const path of ['claims/troll-farm/?embed=1', 'lineage/?embed=1']) {
    const page = await app.open(path);
    assert.equal(await page.getByRole('navigation', { name: 'Main' }).count(), 0, path);
    assert.ok(await page.getByRole('link', { name: 'Open in the full reading companion' }).isVisible(), path);
  }
  const page = await app.open('claims/', { contextOptions: { viewport: { width: 390, height: 800 } } });
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.getByLabel('Topic', { exact: true }).isVisible(), false, 'no filters on paper');
  assert.equal(await grid(page).isVisible(), true, 'the table prints, whatever the screen width');
  app.assertClean();
});
