// Side-by-side reading (issue 3): choose a pair, aligned rows, differences, swap, deep
// links, scrolling lock, narrow screens, keyboard.
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

const PAIR = 'compare/encyclopedia-earlier/encyclopedia-later/';
const headers = (page) => page.locator('table.cmp-table thead th').allTextContents();

test('a comparison opens from the library, with a summary that adds up', async () => {
  const page = await app.open('');
  await page.getByRole('link', { name: 'The two revisions of the encyclopedia article' }).click();
  await page.getByRole('heading', { level: 1, name: 'Compare two documents' }).waitFor();
  assert.match(page.url(), /\/compare\/encyclopedia-earlier\/encyclopedia-later\/$/);
  const summary = await page.locator('#cmp-summary').textContent();
  const [shared, changed, left, right] = summary.match(/\d+/g).map(Number);
  const rows = await page.locator('table.cmp-table tbody tr').count();
  assert.equal(shared + changed + left + right, rows, summary);
  assert.ok(changed > 0 && left > 0 && right > 0, summary);
  // Changed rows mark words: deleted on the left, inserted on the right, explained by a legend.
  const row = page.locator('tr.cmp-row.changed').first();
  assert.ok((await row.locator('td').nth(0).locator('del').count()) > 0);
  assert.ok((await row.locator('td').nth(1).locator('ins').count()) > 0);
  assert.ok(await page.getByText('words only in the left passage').first().isVisible());
  app.assertClean();
});

test('the thwarted-attacks paragraph has no counterpart in the earlier revision', async () => {
  const page = await app.open(PAIR);
  const row = page.locator('tr.cmp-row', { hasText: 'Albanian police have successfully thwarted' });
  assert.equal(await row.count(), 1);
  assert.match(await row.locator('td').nth(0).textContent(), /No matching passage in this document/);
  assert.match(await row.locator('td').nth(0).textContent(), /Only right/);
  app.assertClean();
});

test('the selectors change the pair, swap swaps it, and the URL follows', async () => {
  const page = await app.open(PAIR);
  await page.getByLabel('Right document').selectOption('lends-hope');
  await waitUntil(() => page.url().endsWith('compare/encyclopedia-earlier/lends-hope/'), 'URL holds the new pair');
  await waitUntil(async () => (await headers(page))[1].startsWith('Lends hope'), 'right header follows');
  await page.getByRole('button', { name: 'Swap documents' }).click();
  await waitUntil(() => page.url().endsWith('compare/lends-hope/encyclopedia-earlier/'), 'URL swapped');
  const [a, b] = await headers(page);
  assert.ok(a.startsWith('Lends hope') && b.startsWith('Encyclopedia, earlier revision'), `${a} | ${b}`);
  app.assertClean();
});

test('a comparison link opens the same pair in a fresh browser', async () => {
  const page = await app.open('compare/source-of-hope/lends-hope/');
  const [a, b] = await headers(page);
  assert.ok(a.startsWith('Source of hope') && b.startsWith('Lends hope'), `${a} | ${b}`);
  assert.equal(await page.getByLabel('Left document').inputValue(), 'source-of-hope');
  // The summary's quotations of the PMOI article sit beside their originals.
  const row = page.locator('tr.cmp-row', { hasText: 'what’s important is that Khamenei implicitly acknowledged' });
  assert.ok((await row.count()) >= 1);
  assert.match(await row.first().locator('td').nth(1).textContent(), /Habibi noted/);
  app.assertClean();
});

test('an unknown document id is explained and the page stays usable', async () => {
  const page = await app.open('?view=compare&a=nope&b=encyclopedia-later');
  assert.match(await page.getByRole('alert').first().textContent(), /There is no document with the id “nope”/);
  assert.ok((await page.locator('table.cmp-table tbody tr').count()) > 0);
  app.assertClean();
});

test('the scrolling lock is on by default, turns into two panes, and is remembered', async () => {
  const context = await app.newContext();
  const page = await app.open(PAIR, { context });
  const lock = page.getByRole('checkbox', { name: 'Scroll both columns together' });
  assert.equal(await lock.isChecked(), true);
  await lock.uncheck();
  const panes = page.locator('section.cmp-pane');
  await panes.first().waitFor();
  assert.equal(await panes.count(), 2);
  await panes.nth(0).evaluate((p) => p.scrollBy(0, 300));
  const tops = await panes.evaluateAll((ps) => ps.map((p) => p.scrollTop));
  assert.ok(tops[0] > 0 && tops[1] === 0, `each pane scrolls on its own: ${tops}`);
  await page.reload();
  await app.ready(page);
  assert.equal(await page.getByRole('checkbox', { name: 'Scroll both columns together' }).isChecked(), false);
  assert.equal(await page.locator('section.cmp-pane').count(), 2);
  await context.close();
  app.assertClean();
});

test('on a comparison page as written at build time, terms open their tooltips and two panes render in full', async () => {
  const page = await app.open('compare/encyclopedia-earlier/encyclopedia-later/');
  const term = page.locator('.cmp-table').getByRole('button', { name: 'MEK', exact: true }).first();
  await term.hover();
  const tip = page.getByRole('tooltip');
  await tip.waitFor();
  assert.equal(await term.getAttribute('aria-describedby'), await tip.getAttribute('id'));
  assert.match(await tip.textContent(), /Iranian opposition organization/);
  await page.getByRole('checkbox', { name: 'Scroll both columns together' }).uncheck();
  const passages = page.locator('section.cmp-pane p[data-block]');
  await passages.first().waitFor();
  const empty = await passages.evaluateAll((ps) => ps.filter((p) => p.textContent.replace('¶', '').trim() === '').length);
  assert.equal(empty, 0, 'every passage in the panes has its text');
  assert.ok((await page.locator('section.cmp-pane').first().getByRole('button', { name: 'MEK', exact: true }).count()) > 0, 'with its terms');
  app.assertClean();
});

test('narrow screens get one readable column with no horizontal scrolling', async () => {
  const page = await app.open(PAIR, { contextOptions: { viewport: { width: 390, height: 800 } } });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `horizontal overflow of ${overflow}px`);
  const label = page.locator('tr.cmp-row').first().locator('.cell-doc').first();
  assert.ok(await label.isVisible(), 'each cell says which document it is from');
  app.assertClean();
});

test('the keyboard changes the pair, glossary terms and paragraph links keep working', async () => {
  const page = await app.open(PAIR);
  const left = page.getByLabel('Left document');
  await left.focus();
  await page.keyboard.press('End');
  await waitUntil(() => page.url().includes('compare/encyclopedia-later/'), 'End picks the last document');
  const term = page.locator('table.cmp-table button.term', { hasText: 'MEK' }).first();
  await term.hover();
  await page.getByRole('tooltip').waitFor();
  const link = page.getByRole('link', { name: /^Open paragraph \d+ of “Encyclopedia, later revision” in the reader/ }).first();
  await link.click();
  await page.locator('.is-target').waitFor();
  assert.match(page.url(), /\/read\/encyclopedia-later\/#p\d+$/);
  app.assertClean();
});
