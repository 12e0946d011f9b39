// Reading on a phone (issue 30): on a 390×844 touch screen every reader and comparison page
// starts its text in the top half of the first screen, under a one-row header whose links
// fold under "Menu" (and stay in view without JavaScript); a paragraph's tools show on the
// paragraph tapped, or opened with its own button from the keyboard, one at a time; axe stays
// clean there, in light and dark. An added source's reader and a student's assignment page
// fit the screen too: no sideways scrolling, controls of at least 24 px, a term's tooltip
// opened by a tap.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import { addSource, makeAssignment } from './authoring.mjs';
import { BASE_PATH, searchField, startApp, waitUntil } from './harness.mjs';
import { VIEWS } from './views.mjs';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');

const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };
const DOCS = ['home-to-mek', 'source-of-hope', 'encyclopedia-earlier', 'lends-hope', 'encyclopedia-later'];
const PAGES = [
  ...DOCS.map((d) => `read/${d}/`),
  'compare/encyclopedia-earlier/encyclopedia-later/',
  'compare/home-to-mek/lends-hope/',
];
const READER = 'read/lends-hope/';
/** The header's "Menu" (a <summary>, which has no ARIA role of its own to find it by). */
const menuButton = (page) => page.getByRole('banner').locator('summary').filter({ hasText: 'Menu' });

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

/** The top of the page's first passage (a paragraph of the text, or a comparison's first
 * aligned passage), in CSS pixels from the top of the screen, the page not scrolled. */
const firstPassageTop = (page) =>
  page.locator('main p[data-block]').first().evaluate((p) => {
    if (window.scrollY !== 0) throw new Error(`the page opened scrolled (${window.scrollY}px)`);
    return Math.round(p.getBoundingClientRect().top);
  });

test('on a phone the first passage of every reader and comparison page starts in the top half', async (t) => {
  const context = await app.newContext(PHONE);
  const tops = [];
  for (const path of PAGES) {
    const page = await app.open(path, { context });
    tops.push([path, await firstPassageTop(page)]);
    // The provenance is one tap away.
    if (path.startsWith('read/')) {
      const outlet = page.getByRole('main').getByRole('term').filter({ hasText: 'Outlet' });
      assert.equal(await outlet.isVisible(), false, `${path}: the provenance is folded`);
      await page.getByRole('heading', { name: 'About this source' }).tap();
      await outlet.waitFor({ state: 'visible' });
    }
    await page.close();
  }
  await context.close();
  t.diagnostic(tops.map(([p, y]) => `${p}: first passage at ${y}px`).join('; '));
  const low = tops.filter(([, y]) => y > 420);
  assert.deepEqual(low, [], 'the first passage starts at most 420px from the top of an 844px screen');
  app.assertClean();
});

// Lighthouse counts text that moves once shown (cumulative layout shift): a passage painted
// first at an estimated height, then laid out, moved every row under it.
test('reader and comparison pages do not move their text once shown, on a phone or a wide screen', async () => {
  const shifts = [];
  for (const options of [PHONE, { viewport: { width: 1366, height: 1024 } }]) {
    const context = await app.newContext(options);
    await context.addInitScript(() => {
      window.__shifts = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts.push({ value: e.value, moved: e.sources.map((s) => s.node?.textContent.trim().slice(0, 40)) });
      }).observe({ type: 'layout-shift', buffered: true });
    });
    for (const path of PAGES) {
      const page = await app.open(path, { context });
      // Two frames after the app has started, so that a shift it caused is recorded too.
      const seen = await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(window.__shifts)))));
      const total = seen.reduce((sum, s) => sum + s.value, 0);
      if (total > 0) shifts.push(`${path} at ${options.viewport.width}px: ${total.toFixed(3)} (${seen.flatMap((s) => s.moved).join(' | ')})`);
      await page.close();
    }
    await context.close();
  }
  assert.deepEqual(shifts, [], 'no layout shift');
  app.assertClean();
});

test('on a phone the header is one row; its links are under Menu, search is in view', async () => {
  const page = await app.open(READER, { contextOptions: PHONE });
  const header = await page.getByRole('banner').boundingBox();
  assert.ok(header.height <= 64, `one row (${header.height}px)`);
  const nav = page.getByRole('navigation', { name: 'Main' });
  assert.equal(await nav.isVisible(), false, 'the links are folded');
  const search = await searchField(page).boundingBox();
  assert.ok(search && search.y + search.height <= header.y + header.height, 'the search field is in the row');
  assert.ok(search.width >= 120, `the search field has room (${search.width}px)`);
  await menuButton(page).tap();
  await nav.getByRole('link', { name: 'Glossary' }).tap();
  await page.getByRole('heading', { level: 1, name: 'Glossary' }).waitFor();
  assert.equal(new URL(page.url()).pathname, `${BASE_PATH}glossary/`);
  await waitUntil(async () => !(await nav.isVisible()), 'the menu folds on the new view');
  // Titles follow the screen: smaller on a phone than on a wide screen.
  const size = (p) => p.locator('h1').evaluate((h) => parseFloat(getComputedStyle(h).fontSize));
  const wide = await app.open(READER);
  const [small, large] = [await size(page), await size(wide)];
  assert.ok(small < large && small >= 22, `the title is ${small}px on a phone, ${large}px wide`);
  app.assertClean();
});

test('with JavaScript off, the header’s links are in view and lead to their views, and search opens its page', async () => {
  const context = await app.newContext({ ...PHONE, isMobile: false, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(new URL(READER, app.url).href);
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const name of ['Library', 'Compare', 'Glossary', 'Figures', 'Claims', 'Questions', 'My notes']) {
    assert.ok(await nav.getByRole('link', { name }).isVisible(), `${name} is in view`);
  }
  assert.equal(await menuButton(page).count(), 1);
  assert.equal(await menuButton(page).isVisible(), false, 'no Menu to open');
  await nav.getByRole('link', { name: 'Claims' }).tap();
  await page.getByRole('heading', { level: 1, name: /Claims/ }).waitFor();
  assert.equal(new URL(page.url()).pathname, `${BASE_PATH}claims/`);
  // The search field is a plain form: Enter opens the search page, which says search needs the app.
  await searchField(page).fill('Manez');
  await searchField(page).press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Search' }).waitFor();
  const url = new URL(page.url());
  assert.equal(`${url.pathname}${url.search}`, `${BASE_PATH}search/?q=Manez`);
  await context.close();
  app.assertClean();
});

/** How many paragraphs show their "Add a note" button. */
const shownAddButtons = (page) => page.getByRole('button', { name: /^Add a note to paragraph/ }).count();

test('on a phone a paragraph’s tools open on the paragraph tapped, one at a time', async () => {
  const page = await app.open(READER, { contextOptions: PHONE });
  assert.equal(await shownAddButtons(page), 0, 'no row of tools under every paragraph');
  await page.locator('p#p3').tap({ position: { x: 20, y: 10 } });
  await page.getByRole('button', { name: 'Add a note to paragraph 3' }).waitFor();
  assert.ok(await page.getByRole('button', { name: 'Copy link to paragraph 3' }).isVisible());
  assert.equal(await shownAddButtons(page), 1);
  // A note written on it stays with its paragraph when another paragraph is tapped.
  await page.getByRole('button', { name: 'Add a note to paragraph 3' }).tap();
  await page.getByLabel('Your note').fill('Read on the train');
  await page.getByRole('button', { name: 'Save note' }).tap();
  const note = page.getByRole('complementary', { name: 'Note on this paragraph' });
  await note.waitFor();
  await page.locator('p#p5').tap({ position: { x: 20, y: 10 } });
  await page.getByRole('button', { name: 'Add a note to paragraph 5' }).waitFor();
  assert.equal(await shownAddButtons(page), 1, 'one paragraph at a time');
  assert.ok(await note.isVisible(), 'the note still shows with its paragraph');
  app.assertClean();
});

test('on a phone a paragraph’s tools open from the keyboard, with a named button', async () => {
  const page = await app.open(READER, { contextOptions: { ...PHONE, hasTouch: false, isMobile: false } });
  await page.locator('p#p4').focus();
  await page.keyboard.press('Tab');
  const toggle = page.getByRole('button', { name: 'Tools for paragraph 4' });
  assert.equal(await toggle.evaluate((el) => el === document.activeElement), true, 'Tab reaches the paragraph’s tools');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  const box = await toggle.boundingBox();
  assert.ok(box.width >= 24 && box.height >= 24, `shown while focused (${JSON.stringify(box)})`);
  await page.keyboard.press('Enter');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  const focused = () => page.evaluate(() => document.activeElement.getAttribute('aria-label'));
  await page.keyboard.press('Tab');
  assert.equal(await focused(), 'Copy link to paragraph 4');
  await waitUntil(async () => {
    if ((await focused()) === 'Add a note to paragraph 4') return true;
    await page.keyboard.press('Tab');
    return false;
  }, 'Tab reaches “Add a note”');
  await page.keyboard.press('Enter');
  await page.getByLabel('Your note').waitFor();
  // Escape in the note's field is the field's: the tools stay open.
  await page.keyboard.press('Escape');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  // Enter on the open toggle folds the tools again.
  await toggle.focus();
  await page.keyboard.press('Enter');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  // Escape from among the tools folds them too, and the focus goes back to the toggle.
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  assert.equal(await focused(), 'Copy link to paragraph 4');
  await page.keyboard.press('Escape');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.equal(await focused(), 'Tools for paragraph 4', 'focus back on the toggle');
  app.assertClean();
});

test('a wide screen keeps every paragraph’s tools in view, with no toggle', async () => {
  const page = await app.open(READER);
  assert.ok(await page.getByRole('button', { name: 'Add a note to paragraph 3' }).isVisible());
  assert.ok(await page.getByRole('button', { name: 'Copy link to paragraph 3' }).isVisible());
  assert.equal(await page.getByRole('button', { name: 'Tools for paragraph 3' }).count(), 0);
  assert.equal(await menuButton(page).isVisible(), false);
  assert.ok(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Glossary' }).isVisible());
  app.assertClean();
});

/**
 * How far the page is wider than the phone's screen, in CSS pixels (0 when it fits). Not
 * against the window's width: a phone's browser widens its layout to content that overflows.
 */
const sideways = (page) => page.evaluate((width) => Math.max(0, document.documentElement.scrollWidth - width), PHONE.viewport.width);

/**
 * The visible controls smaller than 24×24 CSS pixels (WCAG 2.2, 2.5.8), as "what: w×h". A
 * control clipped to one pixel is hidden until it has the keyboard's focus (a paragraph's
 * tools toggle), when it shows at full size; no finger can hit it meanwhile.
 */
const smallControls = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('button, input:not([type="hidden"]), select, textarea, summary, [role="button"]')]
      .map((el) => [el, el.getBoundingClientRect()])
      .filter(([el, r]) => r.width > 1 && r.height > 1 && getComputedStyle(el).visibility !== 'hidden')
      .filter(([, r]) => r.width < 24 || r.height < 24)
      .map(([el, r]) => `${el.tagName.toLowerCase()} “${el.getAttribute('aria-label') ?? el.textContent.trim().slice(0, 40)}”: ${Math.round(r.width)}×${Math.round(r.height)}`),
  );

/** A link as a student pastes it: an address no word break can split. */
const LONG_URL = 'https://www.example.org/news/2023/06/20/albanian-police-enter-the-camp-of-the-mek-near-manez-in-durres-county-and-question-residents';

test('on a phone an added source’s reader fits the screen, its controls are 24 px or more, and a term’s tooltip opens by tap', async () => {
  const context = await app.newContext(PHONE);
  const page = await app.open('', { context });
  await addSource(page, 'Police at the camp', ['Albanian police entered the camp of the MEK near Manëz in June 2023.', `Reported at ${LONG_URL} the next day.`].join('\n'));
  await page.getByRole('link', { name: /^Police at the camp/ }).tap();
  await page.getByRole('heading', { level: 1, name: 'Police at the camp' }).waitFor();
  assert.equal(await sideways(page), 0, 'no sideways scrolling');
  assert.deepEqual(await smallControls(page), [], 'every control is at least 24×24');
  const term = page.locator('main .term', { hasText: 'MEK' }).first();
  await term.tap();
  const tip = page.getByRole('tooltip');
  await tip.waitFor();
  assert.match(await tip.textContent(), /Mojahedin/);
  const box = await tip.boundingBox();
  assert.ok(box.x >= 0 && box.x + box.width <= 390, `the tooltip is on the screen (${JSON.stringify(box)})`);
  // The paragraph's tools, opened by the same tap, keep to the minimum size too.
  assert.deepEqual(await smallControls(page), [], 'every control is at least 24×24 with the tooltip open');
  await context.close();
  app.assertClean();
});

test('on a phone a student’s assignment page fits the screen and its controls are 24 px or more', async () => {
  const teacher = await app.open('teacher/');
  await teacher.getByLabel('Instructions').fill(`Read the report at ${LONG_URL} first.`);
  const { link } = await makeAssignment(teacher, 'Week 3 on the phone', ['who-wrote', 'for-whom']);
  await teacher.context().close();
  const page = await app.open(link, { contextOptions: PHONE });
  await page.getByRole('heading', { level: 1, name: 'Week 3 on the phone' }).waitFor();
  await page.getByLabel('Your answer to question 1').tap();
  await page.keyboard.type('Typed on a phone.');
  assert.equal(await sideways(page), 0, 'no sideways scrolling');
  assert.deepEqual(await smallControls(page), [], 'every control is at least 24×24');
  await page.context().close();
  app.assertClean();
});

for (const scheme of ['light', 'dark']) {
  test(`axe-core finds no WCAG 2.2 A/AA violation on a phone (${scheme})`, async () => {
    const context = await app.newContext({ ...PHONE, colorScheme: scheme, bypassCSP: true });
    const failures = [];
    const views = [...VIEWS, ['reader, menu and tools open', READER], ['comparison 2', PAGES[6]]];
    for (const [name, path] of views) {
      const page = await app.open(path, { context });
      if (name.includes('menu')) {
        await menuButton(page).tap();
        await page.locator('p#p2').tap({ position: { x: 20, y: 10 } });
        await page.getByRole('button', { name: 'Add a note to paragraph 2' }).waitFor();
      }
      await page.addScriptTag({ path: AXE });
      const result = await page.evaluate(() =>
        // eslint-disable-next-line no-undef
        axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }),
      );
      for (const v of result.violations) failures.push(`${name} [${scheme}]: ${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')})`);
      await page.close();
    }
    await context.close();
    assert.deepEqual(failures, []);
    app.assertClean();
  });
}
