// A keyboard-only walk through the main tasks (issue 8), checking at every step that the
// focused element shows a visible focus indicator, and a glossary tooltip inside an embedded
// iframe of the example course page (issue 6).
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

/** Presses Tab (or `key`) until `predicate` holds in the page; fails after `limit` presses. */
async function tabTo(page, predicate, what, limit = 80, key = 'Tab') {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(key);
    if (await page.evaluate(predicate)) return;
  }
  assert.fail(`Tab never reached ${what}`);
}

/** The focused element draws a focus indicator: an outline, or (SVG marks) a thick stroke. */
async function assertVisibleFocus(page, step) {
  const style = await page.evaluate(() => {
    const el = document.activeElement;
    const cs = getComputedStyle(el);
    const mark = el.querySelector?.('circle, rect');
    return { outline: cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2, stroke: mark ? getComputedStyle(mark).strokeWidth : '' };
  });
  assert.ok(style.outline || style.stroke === '4px', `${step}: visible focus (${JSON.stringify(style)})`);
}

test('keyboard only: open a document, a tooltip, a comparison and a figure’s passage', async () => {
  const page = await app.open('');
  // 1. Open a document from the library.
  await tabTo(page, () => document.activeElement.closest('article.doc-card a') !== null, 'a document link');
  await assertVisibleFocus(page, 'library link');
  await page.keyboard.press('Enter');
  await page.locator('article.reader').waitFor();
  // 2. Open a glossary tooltip by focusing a term, dismiss it with Escape.
  await tabTo(page, () => document.activeElement.matches('button.term'), 'a glossary term');
  await assertVisibleFocus(page, 'glossary term');
  await page.getByRole('tooltip').waitFor();
  await page.keyboard.press('Escape');
  await waitUntil(async () => (await page.getByRole('tooltip').count()) === 0, 'Escape dismisses the tooltip');
  // 3. Compare two documents, changing the pair from the keyboard.
  await tabTo(page, () => document.activeElement.textContent === 'Compare' && !!document.activeElement.closest('nav'), 'the Compare link', 200, 'Shift+Tab');
  await assertVisibleFocus(page, 'Compare link');
  await page.keyboard.press('Enter');
  await page.locator('table.cmp-table').waitFor();
  await tabTo(page, () => document.activeElement.id === 'right-doc', 'the right document selector');
  await assertVisibleFocus(page, 'right selector');
  await page.keyboard.press('ArrowUp');
  await waitUntil(() => /\/compare\/[a-z-]+\/lends-hope\/$/.test(page.url()), 'ArrowUp picks the previous document');
  // 4. Open a figure's passage from the figures view.
  await page.goto(new URL('figures/raid-injured-residents/', app.url).href);
  await app.ready(page);
  await tabTo(page, () => !!document.activeElement.closest('svg.figure-chart a'), 'a chart mark');
  await assertVisibleFocus(page, 'chart mark');
  await page.keyboard.press('Enter');
  await page.locator('.reader .text mark.quote').first().waitFor();
  assert.match(page.url(), /figure=raid-injured-/);
  app.assertClean();
});

test('a glossary tooltip works inside an iframe of the example course page', async () => {
  const context = await app.newContext();
  const course = await context.newPage();
  await course.goto(new URL('embed-example.html', app.url).href);
  const frame = course.frameLocator('iframe').first();
  const term = frame.locator('button.term').first();
  await term.scrollIntoViewIfNeeded();
  await term.hover();
  await frame.getByRole('tooltip').waitFor();
  assert.ok((await frame.getByRole('tooltip').textContent()).length > 20);
  await context.close();
  app.assertClean();
});
