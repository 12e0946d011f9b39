// Figure comparison (issue 5): overview, one quantity's chart and table, passages, and the
// way back from a number in the reader.
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

const inViewport = (locator) =>
  locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.bottom > 0 && r.top < innerHeight;
  });

test('the overview lists every quantity, most disputed first, and opens one', async () => {
  const page = await app.open('figures/');
  const table = page.getByRole('table', { name: 'Quantities the documents state, most disputed first' });
  const rows = table.locator('tbody tr');
  assert.ok((await rows.count()) >= 20);
  const distinct = (await rows.locator('td:nth-child(2)').allTextContents()).map(Number);
  // A report several documents repeat is one origin: residents' 7 counts in 5 documents.
  const residents = table.getByRole('row', { name: /People living in Ashraf 3/ });
  assert.equal(await residents.locator('td').nth(2).textContent(), '3', 'independent origins of the compared counts');
  // Figures the data does not mark comparable get no range.
  const killed = table.getByRole('row', { name: /MEK members killed in Iraq/ });
  assert.equal(await killed.locator('td').nth(3).textContent(), 'not compared: they count different things');
  assert.deepEqual(distinct, [...distinct].sort((a, b) => b - a), 'sorted by the number of different values');
  assert.ok(distinct[0] >= 3);
  await table.getByRole('link', { name: 'People living in Ashraf 3' }).click();
  await page.getByRole('heading', { level: 1, name: 'People living in Ashraf 3' }).waitFor();
  assert.match(page.url(), /\/figures\/residents\/$/);
  app.assertClean();
});

test('one quantity: the spread line, a chart of links and a table with the same facts', async () => {
  const page = await app.open('figures/residents/');
  // Short lines: counts are compared with counts; the 200 a visitor saw is named apart, never
  // divided in; "about 3,000" and a bare "3,000" are listed apart.
  const lines = await page.locator('#spread').getByRole('listitem').allTextContents();
  assert.match(lines[0], /^Lowest: about 2,300 people \(Encyclopedia, earlier revision\); approximately 2,300 people/);
  assert.match(lines[1], /^Highest: about 3,000 people \(Source of hope \(PMOI\/MEK\)\); 3,000 people \(Lends hope \(summary\); Encyclopedia, earlier revision; Encyclopedia, later revision\): 1\.3 times the lowest\.$/);
  assert.ok(lines.includes('Behind these 7 figures: 3 independent origins.'), lines.join(' | '));
  assert.ok(!lines.some((l) => /15 times/.test(l)));
  assert.match(lines.at(-1), /^Not compared: only 200 people, an observation and 2,500 people, an estimate/);
  assert.equal(await page.locator('svg.figure-chart').getByRole('link', { name: /only 200 people \(observation, not compared\)/ }).count(), 1);
  const marks = page.locator('svg.figure-chart').getByRole('link');
  const table = page.getByRole('table', { name: 'People living in Ashraf 3: each figure as its source states it' });
  const rows = table.locator('tbody tr');
  assert.equal(await marks.count(), await rows.count());
  assert.ok((await page.locator('svg.figure-chart').getByRole('link', { name: /^\d+\. about 2,300 people: The Guardian \(2018\)/ }).count()) === 1);
  assert.equal(await table.getByRole('link', { name: 'Read the passage' }).count(), await rows.count());
  // Keyboard: Tab reaches the marks, with a visible focus ring.
  await page.locator('#spread').click();
  let reached = false;
  for (let i = 0; i < 12 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => !!document.activeElement.closest('svg.figure-chart'));
  }
  assert.ok(reached, 'Tab reaches a chart mark');
  const stroke = await page.evaluate(() => getComputedStyle(document.activeElement.querySelector('circle, rect')).strokeWidth);
  assert.equal(stroke, '4px', 'the focused mark is drawn with a focus ring');
  app.assertClean();
});

// Issue 29: no ratio across figures that count different things, no number made of words, and
// a figure restated without its attribution is one origin, said to be dropped.
test('unlike figures are not divided, words are not numbers, a dropped attribution is one origin', async () => {
  const killed = await app.open('figures/iraq-killed/');
  const lines = await killed.locator('#spread li').allTextContents();
  assert.equal(lines[0], 'Stated: nearly 50 people (Home to MEK (supporting site)); 116 people (Lends hope (summary)).');
  assert.equal(lines[1], 'No spread or ratio: the data does not mark these figures as comparable (see the note).');
  assert.ok(!lines.some((l) => /times/.test(l)), lines.join(' | '));
  const dignitaries = await app.open('figures/conference-dignitaries/');
  const said = await dignitaries.locator('#spread li').allTextContents();
  assert.ok(!said.some((l) => /times|Lowest|200/.test(l)), said.join(' | '));
  assert.match(said.at(-1), /^Not compared: hundreds of people, in words, not a number/);
  const chart = dignitaries.locator('svg.figure-chart');
  assert.equal(await chart.getByRole('link', { name: /^hundreds of people: in words, not a number, so not drawn/ }).count(), 2);
  assert.equal(await chart.locator('rect.m-bar').count(), 0, 'no range drawn for “hundreds”');
  const injured = await app.open('figures/raid-injured-residents/');
  const raid = await injured.locator('#spread li').allTextContents();
  assert.ok(raid.includes('Behind these 3 figures: 2 independent origins.'), raid.join(' | '));
  assert.ok(raid.includes('Attribution dropped: Encyclopedia, later revision states 36 people with no source; Encyclopedia, earlier revision attributes it to The MEK (its statements after the raid).'), raid.join(' | '));
  const row = injured.locator('#fig-raid-injured-later');
  assert.match(await row.textContent(), /The MEK \(its statements after the raid\) \(attribution dropped in this document\)/);
  app.assertClean();
});

test('a figure leads to its passage, where the quote is highlighted', async () => {
  const page = await app.open('figures/residents/');
  // Marks crowd on this chart: follow one the way a keyboard user does.
  await page.locator('svg.figure-chart').getByRole('link', { name: /^\d+\. only 200 people/ }).focus();
  await page.keyboard.press('Enter');
  const quote = page.locator('.reader .text mark.quote');
  await quote.first().waitFor();
  assert.match(page.url(), /\/read\/encyclopedia-earlier\/\?figure=residents-nyt-seen-2020#p\d+$/);
  assert.equal((await quote.allTextContents()).join(''), 'In 2020, a journalist from the NYT claims to have seen only 200 people in the camp.');
  await waitUntil(() => inViewport(quote.first()), 'the quote is scrolled into view');
  app.assertClean();
});

test('a marked number in the reader leads back to its comparison', async () => {
  const page = await app.open('read/encyclopedia-earlier/');
  const number = page.locator('.reader .text a.figure-num', { hasText: '2,300' });
  assert.match(await number.getAttribute('aria-label'), /compare this figure across sources \(People living in Ashraf 3\)/);
  await number.click();
  await page.getByRole('heading', { level: 1, name: 'People living in Ashraf 3' }).waitFor();
  assert.match(page.url(), /\/figures\/residents\/#fig-residents-guardian-2018$/);
  await waitUntil(() => inViewport(page.locator('#fig-residents-guardian-2018')), 'its table row is in view');
  app.assertClean();
});

test('qualifiers are drawn honestly and explained', async () => {
  const page = await app.open('figures/iraq-injured/');
  assert.equal(await page.locator('svg.figure-chart path.m-arrow').count(), 2, '“more than” figures are open-ended');
  const dates = await app.open('figures/conference-date/');
  assert.ok((await dates.locator('svg.figure-chart rect.m-bar').count()) >= 2, 'a month is drawn as a span');
  for (const text of ['about, approximately', 'more than, at least (open-ended)', 'a range, or a month or year']) {
    assert.ok(await dates.getByText(text).isVisible());
  }
  app.assertClean();
});

test('dark mode, print and an unknown quantity', async () => {
  const page = await app.open('figures/raid-injured-residents/', { contextOptions: { colorScheme: 'dark' } });
  const [fill, bg] = await page.evaluate(() => [getComputedStyle(document.querySelector('svg .m-dot')).fill, getComputedStyle(document.body).backgroundColor]);
  assert.notEqual(fill, bg);
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  assert.equal(await page.getByRole('navigation', { name: 'Main' }).isVisible(), false);
  assert.ok(await page.locator('svg.figure-chart').isVisible());
  assert.ok(await page.getByRole('table', { name: /each figure as its source states it/ }).isVisible());
  const missing = await app.open('?view=figures&quantity=nope');
  assert.equal(await missing.getByRole('heading', { level: 1 }).textContent(), 'Not found');
  app.assertClean();
});

test('on a phone the chart keeps legible text and scrolls sideways inside its figure', async () => {
  const page = await app.open('figures/residents/', {
    contextOptions: { hasTouch: true, isMobile: true, viewport: { width: 390, height: 800 } },
  });
  const label = await page.locator('.figure-chart .value-label').first().evaluate((t) => t.getBoundingClientRect().height);
  assert.ok(label >= 9, `a value label is ${label}px high`);
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), true, 'the page itself does not scroll sideways');
  app.assertClean();
});
