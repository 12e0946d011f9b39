// Glossary tooltips (issue 4, WCAG 2.2 SC 1.4.13) and the glossary page.
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

const READER = 'read/encyclopedia-later/';
const firstTerm = (page, text) => page.locator('.reader .text button.term', { hasText: text }).first();

test('hovering a term shows its tooltip, which the pointer can enter, and leaving closes it', async () => {
  const page = await app.open(READER);
  const term = firstTerm(page, 'MEK');
  await term.hover();
  const tip = page.getByRole('tooltip');
  await tip.waitFor();
  assert.equal(await term.getAttribute('aria-describedby'), await tip.getAttribute('id'));
  assert.match(await tip.textContent(), /Iranian opposition organization/);
  // Each sentence says what it rests on: a document, or a named reference outside the corpus.
  assert.match(await tip.textContent(), /founded in 1965, .* \[outside the corpus: Yale University Press, Ervand Abrahamian, The Iranian Mojahedin \(1989\)\]/);
  assert.match(await tip.textContent(), /current headquarters\. \[Encyclopedia, later revision\]/);
  // The tooltip sits below the term, never over it.
  const [t, b] = [await term.boundingBox(), await tip.boundingBox()];
  assert.ok(b.y >= t.y + t.height - 1, `tooltip top ${b.y} below term bottom ${t.y + t.height}`);
  // Moving onto the tooltip keeps it open; its link is usable.
  // Into the tooltip's lower part, staying inside the viewport (a long entry runs below it).
  await page.mouse.move(b.x + 10, Math.min(b.y + b.height, page.viewportSize().height) - 8, { steps: 5 });
  assert.ok(await tip.isVisible(), 'still open with the pointer on it');
  assert.ok(await tip.getByRole('link', { name: 'Full glossary entry' }).isVisible());
  await page.mouse.move(5, 5, { steps: 3 });
  await waitUntil(async () => (await page.getByRole('tooltip').count()) === 0, 'closes when the pointer leaves');
  app.assertClean();
});

test('keyboard focus opens a tooltip and Escape closes it, focus staying on the term', async () => {
  const page = await app.open(READER);
  const term = firstTerm(page, 'Tirana');
  await term.focus();
  await page.getByRole('tooltip').waitFor();
  assert.match(await page.getByRole('tooltip').textContent(), /capital of Albania/);
  await page.keyboard.press('Escape');
  await waitUntil(async () => (await page.getByRole('tooltip').count()) === 0, 'Escape closes it');
  assert.equal(await term.evaluate((el) => el === document.activeElement), true);
  // Enter on the term opens it again without leaving the term, and closes it again.
  await page.keyboard.press('Enter');
  await page.getByRole('tooltip').waitFor();
  await page.keyboard.press('Enter');
  await waitUntil(async () => (await page.getByRole('tooltip').count()) === 0, 'Enter closes it');
  // Focused again, Tab moves into the tooltip's link without closing it.
  await term.blur();
  await term.focus();
  await page.getByRole('tooltip').waitFor();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Full glossary entry');
  assert.ok(await page.getByRole('tooltip').isVisible());
  app.assertClean();
});

test('a tooltip held open by the pointer stays open while a note redraws its passage', async () => {
  // Tall enough that the keyboard's focus never scrolls the page (the mouse would then be over
  // something else); the page itself: its passages are adopted as written, and a note draws
  // one afresh.
  const context = await app.newContext({ viewport: { width: 1280, height: 2400 } });
  const page = await app.open('read/encyclopedia-later/', { context });
  const term = firstTerm(page, 'Tirana');
  await term.hover();
  await page.getByRole('tooltip').waitFor();
  // The keyboard writes a note on words of the same paragraph while the mouse rests on the
  // term: the passage is drawn again with the note's highlight, its term with it.
  await page.locator('p#p1').evaluate((p) => {
    const words = document.createTreeWalker(p, NodeFilter.SHOW_TEXT).nextNode();
    getSelection().setBaseAndExtent(words, 0, words, 4);
  });
  await page.getByRole('button', { name: 'Add a note on the selected words in paragraph 1', exact: true }).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.type('Which camp?');
  await page.getByRole('button', { name: 'Save note' }).focus();
  await page.keyboard.press('Enter');
  await page.locator('p#p1 mark.noted').waitFor();
  const tip = page.getByRole('tooltip');
  await waitUntil(async () => (await tip.count()) === 1 && (await tip.isVisible()), 'the tooltip is open on the redrawn term');
  assert.match(await tip.textContent(), /capital of Albania/);
  assert.equal(await page.locator('p#p1 mark.noted').textContent(), 'Camp');
  assert.equal(await firstTerm(page, 'Tirana').getAttribute('aria-describedby'), await tip.getAttribute('id'));
  await page.mouse.move(5, 5, { steps: 3 });
  await waitUntil(async () => (await tip.count()) === 0, 'leaving the redrawn term closes it');
  await context.close();
  app.assertClean();
});

test('a tooltip’s sentence on a disputed figure links to the figures, not to one source alone', async () => {
  const page = await app.open('read/encyclopedia-earlier/');
  await firstTerm(page, 'Camp Ashraf 3').focus();
  const tip = page.getByRole('tooltip');
  await tip.waitFor();
  assert.match(await tip.textContent(), /The sources differ on how many people live there: Source of hope \(PMOI\/MEK\) says about 3,000\. \[Source of hope \(PMOI\/MEK\); compare the figures\]/);
  // The tooltip's first link is that comparison, reached with Tab.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('href')), 'figures/residents/');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'People living in Ashraf 3' }).waitFor();
  app.assertClean();
});

test('a tap opens the tooltip on a touch screen and a second tap closes it', async () => {
  const page = await app.open(READER, { contextOptions: { hasTouch: true, isMobile: true, viewport: { width: 390, height: 800 } } });
  const term = firstTerm(page, 'Durrës');
  await term.tap();
  await page.getByRole('tooltip').waitFor();
  assert.match(await page.getByRole('tooltip').textContent(), /Albania/);
  const [t, b] = [await term.boundingBox(), await page.getByRole('tooltip').boundingBox()];
  assert.ok(b.y >= t.y + t.height - 1, 'the tooltip does not cover the term');
  assert.ok(b.x >= 0 && b.x + b.width <= 390, `the tooltip fits the screen: ${JSON.stringify(b)}`);
  await term.tap();
  await waitUntil(async () => (await page.getByRole('tooltip').count()) === 0, 'a second tap closes it');
  app.assertClean();
});

test('slashes, possessives and longest names are marked as the glossary says', async () => {
  const page = await app.open('read/source-of-hope/');
  // "(PMOI/MEK)" gives two marks.
  const caption = page.locator('.reader .text p', { hasText: 'The entrance of Ashraf 3' });
  assert.deepEqual(await caption.locator('button.term').allTextContents(), ['Ashraf 3', 'People’s Mojahedin Organization of Iran', 'PMOI', 'MEK']);
  // "MEK’s" marks "MEK".
  const possessive = page.locator('.reader .text p', { hasText: 'MEK’s network in Iran' }).locator('button.term', { hasText: /^MEK$/ });
  assert.ok((await possessive.count()) >= 1);
  app.assertClean();
});

test('the Glossary marks setting turns the marks off and is remembered', async () => {
  const context = await app.newContext();
  const page = await app.open(READER, { context });
  assert.ok((await page.locator('button.term').count()) > 20);
  await page.getByRole('checkbox', { name: 'Glossary marks' }).uncheck();
  await waitUntil(async () => (await page.locator('button.term').count()) === 0, 'marks gone');
  await page.reload();
  await app.ready(page);
  assert.equal(await page.locator('button.term').count(), 0);
  assert.equal(await page.getByRole('checkbox', { name: 'Glossary marks' }).isChecked(), false);
  // A comparison adopts its written page (marks in it) and then follows the saved setting.
  const pair = await app.open('compare/encyclopedia-earlier/encyclopedia-later/', { context });
  await waitUntil(async () => (await pair.locator('.cmp-table button.term').count()) === 0, 'no marks in the comparison');
  assert.ok((await pair.locator('.cmp-table td p').count()) > 20, 'the passages are there');
  await context.close();
  app.assertClean();
});

test('the glossary page lists terms with sources and which document uses which name', async () => {
  const page = await app.open('glossary/');
  const mek = page.locator('article#term-mek');
  assert.equal(await mek.getByRole('heading', { level: 2 }).textContent(), 'MEK');
  const sentences = mek.locator('ul.definition > li');
  assert.ok((await sentences.count()) >= 4);
  for (const text of await sentences.allTextContents()) {
    assert.match(text, /From the sources: “|Outside the corpus: /, `every sentence says what it rests on: ${text}`);
  }
  // A dispute is left open and points at the figures.
  const move = sentences.filter({ hasText: 'the sources differ on the year of the move' });
  await move.getByRole('link', { name: /^Compare the figures: When the members were moved from Iraq$/ }).click();
  await page.getByRole('heading', { level: 1, name: 'When the members were moved from Iraq' }).waitFor();
  await page.goBack();
  await app.ready(page);
  const table = mek.getByRole('table', { name: 'Names used for MEK in each document' });
  assert.ok((await table.getByRole('row').count()) > 10);
  // A count opens the reader with the occurrences marked and in view.
  await table.getByRole('link', { name: /^3 occurrences of “PMOI \/ MEK Iran” in “Lends hope \(summary\)”$/ }).click();
  await page.locator('.reader .text mark.hit').first().waitFor();
  assert.match(page.url(), /\/read\/lends-hope\/\?term=mek#p\d+$/);
  // 20 in the document: 19 in the text, 1 in the title (shown as the page heading); the
  // page's pull-quote, which repeats a sentence, is page furniture and not counted.
  assert.equal(await page.locator('.reader .text mark.hit').count(), 19);
  app.assertClean();
});

test('a glossary entry opens from a link, and from the tooltip', async () => {
  const page = await app.open('glossary/#term-manez');
  const entry = page.locator('article#term-manez');
  await waitUntil(() => entry.evaluate((el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; }), 'Manëz in view');
  assert.match(await entry.textContent(), /The site supporting the MEK spells it “Manz”/);
  // The quoted passage a sentence rests on opens in the reader.
  await entry.getByRole('link', { name: 'Home to MEK (supporting site)', exact: true }).click();
  await page.locator('.reader').waitFor();
  assert.match(page.url(), /\/read\/home-to-mek\/#p\d+$/);
  const reader = await app.open(READER);
  const term = firstTerm(reader, 'Special Prosecution');
  await term.focus();
  await reader.getByRole('tooltip').getByRole('link', { name: 'Full glossary entry' }).click();
  await reader.locator('article#term-spak').waitFor();
  assert.match(reader.url(), /\/glossary\/#term-spak$/);
  app.assertClean();
});
