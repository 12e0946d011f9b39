// Embedding on real course pages (issue 12): a frame sandboxed without allow-same-origin (as
// some LMS and page builders make them) runs the app with no worker and settings in memory;
// the resize script (one file, also pasted inline by the Embed panel) resizes only the
// companion's frames, within a sane range and at a bounded rate; the frame never tells the
// course page its URL; and "Open in the full reading companion" opens from the example page.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { BASE_PATH, DIST, startApp, waitUntil } from './harness.mjs';

const pages = {
  // A course page on the same host whose frames are sandboxed without allow-same-origin.
  '/course/sandboxed/': `
    <script src="${BASE_PATH}embed-resize.js" defer></script>
    <h1>Week 2</h1>
    <iframe title="Embedded reader" sandbox="allow-scripts allow-popups" src="${BASE_PATH}read/lends-hope/?embed=1"></iframe>
    <iframe title="Full companion" sandbox="allow-scripts" src="${BASE_PATH}read/encyclopedia-later/" width="1000" height="700"></iframe>`,
  // A course page whose frames have the Embed panel's own sandbox attributes (no allow-forms),
  // and scripts alone (issue 28).
  '/course/notes/': `
    <h1>Week 3</h1>
    <iframe title="As the Embed panel gives it" sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-downloads allow-modals" src="${BASE_PATH}read/lends-hope/?embed=1" width="1000" height="900"></iframe>
    <iframe title="Scripts alone" sandbox="allow-scripts" src="${BASE_PATH}read/lends-hope/?embed=1" width="1000" height="900"></iframe>
    <iframe title="An estimate" sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-downloads allow-modals" src="${BASE_PATH}figures/residents/?predict=1&amp;embed=1" width="1000" height="900"></iframe>
    <iframe title="My notes" sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-downloads allow-modals" src="${BASE_PATH}notes/?embed=1" width="1000" height="900"></iframe>`,
  // A course page on another origin (the tests reach it as localhost, not 127.0.0.1).
  '/course/blank/': '<h1>Week 2</h1>',
  // A page of the companion's origin that posts whatever resize messages a test asks for.
  [`${BASE_PATH}poster.html`]: `
    <script>addEventListener('message', (e) => { for (const m of e.data) parent.postMessage(m, '*'); });</script>
    <h1>Poster</h1>`,
};

function coursePages(req, res, path) {
  if (!(path in pages)) return false;
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'access-control-allow-origin': '*' });
  res.end(`<!doctype html><html lang="en"><title>Course page</title><link rel="icon" href="data:,"><main>${pages[path]}</main></html>`);
  return true;
}

let app;
before(async () => {
  app = await startApp({ server: { extra: coursePages } });
});
after(async () => {
  await app?.close();
});

test('a frame sandboxed without allow-same-origin runs the app; its settings follow it to another module’s page', async () => {
  const page = await (await app.newContext()).newPage();
  await page.goto(new URL('/course/sandboxed/', app.url).href);
  const reader = page.frameLocator('iframe[title="Embedded reader"]');
  await reader.getByRole('heading', { level: 1, name: /Lends Hope/ }).waitFor({ timeout: 15000 });
  const frame = page.locator('iframe[title="Embedded reader"]');
  await waitUntil(async () => (await frame.evaluate((f) => f.getBoundingClientRect().height)) > 400, 'the opaque-origin frame is resized', 15000);

  const full = page.frameLocator('iframe[title="Full companion"]');
  await full.getByRole('heading', { level: 1, name: 'Camp Ashraf 3' }).waitFor({ timeout: 15000 });
  const marks = full.getByRole('checkbox', { name: 'Glossary marks' });
  assert.ok((await full.locator('main button.term').count()) > 0, 'glossary marks are shown');
  await marks.uncheck();
  assert.equal(await full.locator('main button.term').count(), 0, 'and hidden when the setting is off');
  await full.getByRole('link', { name: 'Glossary', exact: true }).click();
  await full.getByRole('heading', { level: 1, name: 'Glossary' }).waitFor();
  // Another module's page: the setting follows in the frame's name once its app has started.
  await waitUntil(async () => (await marks.isChecked()) === false, 'the setting is kept for the visit', 15000);
  await page.context().close();
  app.assertClean();
});

test('the Embed panel pastes the very file the site publishes, with the companion’s origin', async () => {
  const page = await app.open('glossary/');
  await page.getByRole('button', { name: 'Embed' }).click();
  const script = await page.getByRole('textbox', { name: /Add this once to the page/ }).inputValue();
  const origin = new URL(app.url).origin;
  const published = readFileSync(join(DIST, 'embed-resize.js'), 'utf8');
  assert.equal(script, `<script data-companion-origin="${origin}">\n${published}</script>`);
  const iframe = await page.getByRole('textbox', { name: /Paste this where the view should appear/ }).inputValue();
  assert.match(iframe, /sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-downloads allow-modals"/);
  app.assertClean();
});

test('the Embed panel’s frame title follows the view, and Escape closes the panel', async () => {
  const page = await app.open('compare/encyclopedia-earlier/encyclopedia-later/');
  const embed = page.getByRole('button', { name: 'Embed' });
  await embed.click();
  const iframe = page.getByRole('textbox', { name: /Paste this where the view should appear/ });
  await page.getByLabel('Left document').selectOption('lends-hope');
  await page.waitForURL(/compare\/lends-hope\/encyclopedia-later\/$/);
  const title = await page.title();
  assert.match(title, /^Compare: Lends hope \(summary\) and Encyclopedia, later revision/);
  await waitUntil(async () => (await iframe.inputValue()).includes(`title="${title}"`), 'the frame title is the view’s');
  assert.match(await iframe.inputValue(), /compare\/lends-hope\/encyclopedia-later\/\?embed=1/);
  await iframe.focus();
  await page.keyboard.press('Escape');
  assert.equal(await iframe.isVisible(), false, 'Escape closes the panel');
  assert.equal(await embed.getAttribute('aria-expanded'), 'false');
  assert.ok(await embed.evaluate((b) => b === document.activeElement), 'focus is back on the Embed button');
  app.assertClean();
});

test('the resize script trusts only the companion’s frames, clamps heights and bounds the rate', async () => {
  const context = await app.newContext();
  const page = await context.newPage();
  // The course page lives on another origin (localhost, not 127.0.0.1) and pastes the snippet.
  const companion = new URL(app.url).origin;
  const course = app.url.replace('127.0.0.1', 'localhost');
  await page.goto(new URL('/course/blank/', course).href);
  const published = readFileSync(join(DIST, 'embed-resize.js'), 'utf8');
  await page.setContent(`<!doctype html><html lang="en"><title>Course</title><link rel="icon" href="data:,"><main><h1>Course</h1>
    <iframe title="companion" src="${companion}${BASE_PATH}poster.html"></iframe>
    <iframe title="foreign" srcdoc="<p>not the companion</p>"></iframe>
    <script data-companion-origin="${companion}">${published}</script></main></html>`);
  // The height the script set (the frame's border comes on top of it).
  const height = (title) => page.locator(`iframe[title="${title}"]`).evaluate((f) => parseFloat(getComputedStyle(f).height));
  const post = (title, messages) =>
    page.locator(`iframe[title="${title}"]`).evaluate((f, m) => f.contentWindow.postMessage(m, '*'), messages);
  await page.frameLocator('iframe[title="companion"]').getByRole('heading', { name: 'Poster' }).waitFor();
  const resize = (h) => ({ type: 'ashraf3-companion:resize', height: h });

  await post('companion', [resize(640)]);
  await waitUntil(async () => (await height('companion')) === 640, 'a companion frame is resized');
  // A frame of the course page's own origin posts the same message.
  await page.frameLocator('iframe[title="foreign"]').locator('p').evaluate(() => parent.postMessage({ type: 'ashraf3-companion:resize', height: 900 }, '*'));
  await post('companion', [resize(1e9)]);
  await waitUntil(async () => (await height('companion')) === 20000, 'a huge height is clamped');
  await post('companion', [resize(-5)]);
  await waitUntil(async () => (await height('companion')) === 80, 'a negative height is clamped');
  assert.notEqual(await height('foreign'), 900, 'a frame on another origin is ignored');
  await post('companion', [resize(NaN), resize('700'), { type: 'other', height: 700 }]);
  await new Promise((ok) => setTimeout(ok, 300));
  assert.equal(await height('companion'), 80, 'malformed messages are ignored');
  await new Promise((ok) => setTimeout(ok, 1100));
  await post('companion', Array.from({ length: 100 }, (_, i) => resize(300 + i)));
  await new Promise((ok) => setTimeout(ok, 300));
  assert.equal(await height('companion'), 319, 'only 20 messages a second are applied');
  await context.close();
  app.assertClean();
});

test('on a course page of the companion’s own origin, only the companion’s frames are resized', async () => {
  const context = await app.newContext();
  const page = await context.newPage();
  await page.goto(new URL('/course/blank/', app.url).href);
  // Frames sandboxed without allow-same-origin all post from "null": a srcdoc frame and a page
  // of the same site outside the companion must not pass for the companion.
  await page.setContent(`<!doctype html><html lang="en"><title>Course</title><link rel="icon" href="data:,"><main><h1>Course</h1>
    <iframe title="companion" sandbox="allow-scripts" src="${BASE_PATH}poster.html"></iframe>
    <iframe title="srcdoc" sandbox="allow-scripts" srcdoc="<p>not the companion</p>"></iframe>
    <iframe title="other page" sandbox="allow-scripts" src="/course/blank/"></iframe>
    <script src="${BASE_PATH}embed-resize.js"></script></main></html>`);
  const height = (title) => page.locator(`iframe[title="${title}"]`).evaluate((f) => parseFloat(getComputedStyle(f).height));
  const post = (title, height) =>
    page.locator(`iframe[title="${title}"]`).evaluate((f, h) => f.contentWindow.postMessage([{ type: 'ashraf3-companion:resize', height: h }], '*'), height);
  await page.frameLocator('iframe[title="companion"]').getByRole('heading', { name: 'Poster' }).waitFor();
  await page.frameLocator('iframe[title="other page"]').getByRole('heading', { name: 'Week 2' }).waitFor();
  for (const title of ['srcdoc', 'other page']) {
    await page.frameLocator(`iframe[title="${title}"]`).locator('h1, p').first().evaluate(() => parent.postMessage({ type: 'ashraf3-companion:resize', height: 900 }, '*'));
  }
  await post('companion', 640);
  await waitUntil(async () => (await height('companion')) === 640, 'the companion’s sandboxed frame is resized');
  assert.notEqual(await height('srcdoc'), 900, 'a srcdoc frame is ignored');
  assert.notEqual(await height('other page'), 900, 'a page outside the companion is ignored');
  await context.close();
  app.assertClean();
});

test('the frame tells its parent its height and nothing else', async () => {
  const context = await app.newContext();
  const page = await context.newPage();
  // Listen from the start: a frame may post its first height before the page has loaded.
  await page.addInitScript(() => {
    if (window.top !== window) return;
    window.__seen = [];
    addEventListener('message', (e) => window.__seen.push(e.data));
  });
  await page.goto(new URL('embed-example.html', app.url).href);
  const messages = await page.evaluate(
    () =>
      new Promise((ok) => {
        const seen = window.__seen;
        setTimeout(() => ok(seen), 4000);
        document.querySelectorAll('iframe').forEach((f) => f.scrollIntoView());
      }),
  );
  assert.ok(messages.length > 0, 'the frames posted their heights');
  for (const m of messages) {
    assert.deepEqual(Object.keys(m).sort(), m.type ? ['height', 'type'] : ['height', 'subject'], JSON.stringify(m));
  }
  await context.close();
  app.assertClean();
});

test('"Open in the full reading companion" opens a tab from the example page’s sandboxed frames', async () => {
  const context = await app.newContext();
  const page = await context.newPage();
  await page.goto(new URL('embed-example.html', app.url).href);
  const frame = page.frameLocator('iframe').first();
  const link = frame.getByRole('link', { name: 'Open in the full reading companion' });
  await link.waitFor({ timeout: 15000 });
  const [tab] = await Promise.all([context.waitForEvent('page'), link.click()]);
  await app.ready(tab);
  assert.doesNotMatch(tab.url(), /embed=1/);
  assert.ok(await tab.getByRole('navigation', { name: 'Main' }).isVisible(), 'the full companion, with its navigation');
  // A tab still inside the frame's sandbox could not open dialogs (no allow-modals).
  const dialog = tab.waitForEvent('dialog', { timeout: 3000 }).then((d) => d.dismiss().then(() => true), () => false);
  await tab.evaluate(() => setTimeout(() => alert('outside the sandbox?'), 0));
  assert.ok(await dialog, 'the new tab escaped the sandbox');
  await context.close();
  app.assertClean();
});

test('notes and estimates are saved in frames sandboxed without allow-forms', async () => {
  const page = await (await app.newContext()).newPage();
  await page.goto(new URL('/course/notes/', app.url).href);
  for (const [title, text] of [['As the Embed panel gives it', 'Saved in the course page'], ['Scripts alone', 'Kept for this visit']]) {
    const frame = page.frameLocator(`iframe[title="${title}"]`);
    await frame.getByRole('heading', { level: 1, name: /Lends Hope/ }).waitFor({ timeout: 15000 });
    await frame.getByRole('button', { name: 'Add a note to paragraph 4' }).click();
    await frame.getByLabel('Your note').fill(text);
    await frame.getByRole('button', { name: 'Save note' }).click();
    await frame.getByRole('complementary').filter({ hasText: text }).waitFor({ timeout: 5000 });
    // Enter in the one-line field saves as well.
    await frame.getByRole('button', { name: 'Add a note to paragraph 5' }).click();
    await frame.getByLabel('Your note').fill(`${text}, by Enter`);
    await frame.getByLabel('Words to highlight (optional; empty: the whole paragraph)').press('Enter');
    await frame.getByRole('complementary').filter({ hasText: `${text}, by Enter` }).waitFor({ timeout: 5000 });
  }
  const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('ashraf3-companion.notes.v1')).notes.map((n) => n.text).sort());
  assert.deepEqual(saved, ['Saved in the course page', 'Saved in the course page, by Enter']);
  const figures = page.frameLocator('iframe[title="An estimate"]');
  await figures.getByRole('heading', { level: 2, name: 'Predict first' }).waitFor({ timeout: 15000 });
  await figures.getByLabel(/^Your estimate/).fill('1500');
  await figures.getByRole('button', { name: 'Save my estimate and show the figures' }).click();
  await figures.locator('.your-estimate').waitFor({ timeout: 5000 });
  // The Embed panel's frame lets the student take the notes out: a sandboxed frame may
  // download only with allow-downloads.
  const notes = page.frameLocator('iframe[title="My notes"]');
  await notes.getByRole('heading', { level: 1, name: 'My notes' }).waitFor({ timeout: 15000 });
  await notes.getByText('Saved in the course page, by Enter').waitFor({ timeout: 5000 });
  const [md] = await Promise.all([page.waitForEvent('download'), notes.getByRole('button', { name: 'Export as Markdown' }).click()]);
  assert.match(readFileSync(await md.path(), 'utf8'), /Saved in the course page, by Enter/);
  await page.context().close();
  app.assertClean();
});
