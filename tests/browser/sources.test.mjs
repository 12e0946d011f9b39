// Sources a student or a teacher adds for lateral reading (issue 31): adding by paste and by
// file (HTML read as text only), the library's listing marked apart from the checked corpus,
// the reader with glossary tooltips and numbers to check by hand, each bad input refused with
// a clear message and nothing changed, removing with undo, export and import (also into a
// fresh browser) with colliding sources kept both and renamed, and a teacher's source pack.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import { startApp, waitUntil } from './harness.mjs';

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

const KEY = 'ashraf3-companion.notes.v1';
const ADDED = 'added by you — not part of the unit’s checked corpus';
const ARTICLE = [
  'Albanian police entered the camp of the MEK near Manëz in June 2023.',
  'The newspaper reported that 1,000 residents were questioned and 150 computers taken.',
].join('\n');

const saved = (page) => page.evaluate((key) => localStorage.getItem(key), KEY);

/** Opens the library's form and fills what is given. */
async function fill(page, { text, file, title, outlet }) {
  const form = page.locator('details.add-source');
  if (!(await form.evaluate((d) => d.open))) await page.getByText('Add a source', { exact: true }).click();
  await page.getByLabel('Paste the article’s text').fill(text ?? '');
  if (file) await page.getByLabel(/or open a file/).setInputFiles(file);
  await page.getByLabel('Title').fill(title ?? '');
  if (outlet) await page.getByLabel(/^Outlet/).fill(outlet);
  await page.getByRole('button', { name: 'Add source' }).click();
}

async function addByPaste(page, title, text = ARTICLE) {
  await fill(page, { text, title, outlet: 'Tirana Times' });
  await page.getByRole('status').filter({ hasText: `Added “${title}”` }).waitFor();
}

test('a pasted source is listed apart from the corpus, read with glossary tooltips and numbers to check, and kept', async () => {
  const page = await app.open('');
  await addByPaste(page, 'Police enter the camp');
  const card = page.getByRole('article', { name: /Police enter the camp/ });
  assert.match(await card.textContent(), new RegExp(ADDED));
  assert.match(await card.textContent(), /OutletTirana Times/);
  assert.match(await card.textContent(), /Authornot stated/, 'what the student did not give is “not stated”');
  await page.reload();
  await app.ready(page);
  await page.getByRole('link', { name: /Police enter the camp/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Police enter the camp' }).waitFor();
  assert.match(page.url(), /\/added\/\?source=added-police-enter-the-camp$/);
  assert.match(await page.locator('main').textContent(), /Added by you — not part of the unit’s checked corpus/);
  const numbers = await page.locator('main .to-check').allTextContents();
  assert.deepEqual(numbers, ['Numbers to check by hand: 2023', 'Numbers to check by hand: 1,000 · 150']);
  const term = page.locator('main .term', { hasText: 'MEK' }).first();
  await term.hover();
  const tip = page.getByRole('tooltip');
  await tip.waitFor();
  assert.match(await tip.textContent(), /Mojahedin/);
  await page.keyboard.press('Escape');
  // A note on one of its paragraphs, listed in My notes under the source and leading back.
  await page.getByRole('button', { name: 'Add a note to paragraph 2' }).click();
  await page.getByLabel('Your note').fill('Check the 1,000 against the other sources');
  await page.getByRole('button', { name: 'Save note' }).click();
  await page.locator('main .para-notes').getByText('Check the 1,000 against the other sources').waitFor();
  const reader = page.url();
  await page.getByRole('link', { name: 'My notes' }).click();
  const group = page.getByRole('region', { name: 'Police enter the camp (added by you)' });
  await group.getByText('Check the 1,000 against the other sources').waitFor();
  await group.getByRole('link', { name: 'Read the passage' }).click();
  await page.getByRole('heading', { level: 1, name: 'Police enter the camp' }).waitFor();
  assert.equal(page.url(), `${reader}#p2`);
  // Opened in a fresh tab of the same browser, straight from its address.
  const again = await app.open(page.url().replace(/^.*\/companion\//, ''), { context: page.context() });
  await again.getByRole('heading', { level: 1, name: 'Police enter the camp' }).waitFor();
  await page.context().close();
  app.assertClean();
});

test('a file is read as text: an HTML page’s tags, scripts and styles never reach the page', async () => {
  const page = await app.open('');
  const html = `<!doctype html><html><head><title>x</title><style>body{display:none}</style>
    <script>window.__ran = true</script></head><body><h1>Report from Durrës</h1>
    <p>The <b>MEK</b> camp &amp; its 2,500 residents.<img src=x onerror="window.__ran = true"></p>
    <script>document.write('<p>injected</p>')</script><p>Second &ldquo;paragraph&rdquo;.</p></body></html>`;
  await fill(page, { file: { name: 'report.html', mimeType: 'text/html', buffer: Buffer.from(html) }, title: 'A report from a file' });
  await page.getByRole('status').filter({ hasText: 'Added “A report from a file”' }).getByRole('link', { name: 'Read it' }).click();
  await page.getByRole('heading', { level: 1, name: 'A report from a file' }).waitFor();
  const text = await page.locator('main .text').textContent();
  assert.match(text, /Report from Durrës/);
  assert.match(text, /The MEK camp & its 2,500 residents\./);
  assert.match(text, /Second “paragraph”\./);
  assert.doesNotMatch(text, /injected|__ran|display:none/);
  assert.equal(await page.locator('main .text b, main .text img, main .text script').count(), 0);
  assert.equal(await page.evaluate(() => window.__ran), undefined, 'nothing in the file ran');
  assert.equal(await page.locator('main .text h2').first().textContent(), 'Report from Durrës');
  // Markdown too.
  await page.goto(new URL('./', page.url().replace(/added\/.*$/, '')).href);
  await app.ready(page);
  const md = '# Notes\n\nA *Markdown* text on [Ashraf 3](https://example.org).\n';
  await fill(page, { file: { name: 'notes.md', mimeType: 'text/markdown', buffer: Buffer.from(md) }, title: 'Markdown notes' });
  await page.getByRole('status').filter({ hasText: 'Added “Markdown notes”' }).waitFor();
  await page.context().close();
  app.assertClean();
});

test('each bad input gets a clear message and changes nothing', async () => {
  const page = await app.open('');
  await addByPaste(page, 'Already here');
  const before = await saved(page);
  const alert = page.locator('details.add-source [role="alert"]');
  const cases = [
    [{ text: '   \n  ', title: 'Empty' }, /There is no text to add/],
    [{ file: { name: 'scan.txt', mimeType: 'text/plain', buffer: Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 255]) }, title: 'Binary' }, /This file is not text/],
    [{ file: { name: 'huge.txt', mimeType: 'text/plain', buffer: Buffer.alloc(1024 * 1024 + 10, 'a') }, title: 'Huge' }, /more than the 1 MB/],
    [{ file: { name: 'bare.html', mimeType: 'text/html', buffer: Buffer.from('<h1>Only a heading</h1><script>x()</script>') }, title: 'Bare' }, /No paragraph of text was found/],
    [{ file: { name: 'photo.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('text') }, title: 'Photo' }, /not a file the companion reads/],
    [{ text: ARTICLE, title: 'camp  ashraf 3' }, /A source with the title “Camp Ashraf 3” is already in the library/],
    [{ text: ARTICLE, title: 'ALREADY HERE' }, /A source with the title “Already here” is already in the library/],
    [{ text: ARTICLE, title: '' }, /Give the source a title/],
  ];
  for (const [input, message] of cases) {
    await page.reload();
    await app.ready(page);
    await fill(page, input);
    await waitUntil(async () => message.test((await alert.textContent()) ?? ''), `${input.title}: ${message}`);
    assert.match(await alert.textContent(), /Nothing was added\./);
    assert.equal(await saved(page), before, `${input.title}: nothing saved`);
  }
  assert.equal(await page.locator('.added-sources .doc-card').count(), 1);
  await page.context().close();
  app.assertClean();
});

test('a source is removed with undo', async () => {
  const page = await app.open('');
  await addByPaste(page, 'To be removed');
  await page.getByRole('button', { name: 'Remove “To be removed”' }).click();
  await page.getByRole('status').filter({ hasText: 'Removed “To be removed”' }).waitFor();
  assert.equal(await page.locator('.added-sources .doc-card').count(), 0);
  assert.doesNotMatch(await saved(page), /To be removed/);
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('article', { name: /To be removed/ }).waitFor();
  assert.match(await saved(page), /To be removed/);
  await page.context().close();
  app.assertClean();
});

test('sources go out with the export and come in with an import, in a fresh browser; collisions are kept both, renamed', async () => {
  const page = await app.open('');
  await addByPaste(page, 'Shared report');
  await page.goto(new URL('notes/', page.url()).href);
  await app.ready(page);
  const [js] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export as JSON' }).click()]);
  const body = await readFile(await js.path(), 'utf8');
  const exported = JSON.parse(body);
  assert.deepEqual(exported.sources.map((s) => s.provenance.title), ['Shared report']);
  await page.context().close();

  // Another student's browser: nothing there, then the file.
  const fresh = await app.open('notes/');
  const input = fresh.getByLabel('Import a JSON export');
  await input.setInputFiles({ name: 'export.json', mimeType: 'application/json', buffer: Buffer.from(body) });
  await waitUntil(async () => /Imported 1 source/.test(await fresh.locator('main p.status').textContent()), 'import summary');
  // A colliding source: same id and title, other text. Kept beside it, renamed, and said.
  const other = structuredClone(exported);
  other.sources[0].passages = [{ kind: 'paragraph', text: 'A different text of the same name.' }];
  await input.setInputFiles({ name: 'other.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(other)) });
  await waitUntil(
    async () => /“Shared report” collided with a source here, so both are kept and the imported one is now “Shared report \(imported\)”/.test(await fresh.locator('main p.status').textContent()),
    'collision said',
  );
  await fresh.goto(new URL('../', fresh.url()).href);
  await app.ready(fresh);
  const titles = await fresh.locator('.added-sources .doc-card h3 a').allTextContents();
  assert.deepEqual(titles.map((t) => t.replace(/ — .*/, '')), ['Shared report', 'Shared report (imported)']);
  await fresh.getByRole('link', { name: /^Shared report \(imported\)/ }).click();
  await fresh.getByText('A different text of the same name.').waitFor();
  await fresh.context().close();
  app.assertClean();
});

test('a teacher’s source pack (an export holding sources only) is made and imported by a student', async () => {
  const teacher = await app.open('');
  // The teacher's own note stays out of the pack.
  const own = { schema: 'ashraf3-companion/notes', version: 1, exported: 0, answers: [], notes: [{ id: 'n-t', anchor: { doc: 'lends-hope', block: 'p2', quote: '' }, text: 'Teacher’s own', created: 1, updated: 1 }] };
  await teacher.evaluate(([key, value]) => localStorage.setItem(key, value), [KEY, JSON.stringify(own)]);
  await teacher.reload();
  await app.ready(teacher);
  await addByPaste(teacher, 'For the class');
  await teacher.goto(new URL('notes/', teacher.url()).href);
  await app.ready(teacher);
  await teacher.getByText('Teacher’s own').waitFor();
  const [file] = await Promise.all([teacher.waitForEvent('download'), teacher.getByRole('button', { name: 'Export sources only (a source pack)' }).click()]);
  const made = JSON.parse(await readFile(await file.path(), 'utf8'));
  assert.match(file.suggestedFilename(), /^ashraf3-sources-\d{4}-\d{2}-\d{2}\.json$/);
  assert.deepEqual([made.notes, made.answers, made.sources.map((s) => s.provenance.title)], [[], [], ['For the class']]);
  await teacher.context().close();
  const pack = {
    schema: 'ashraf3-companion/notes',
    version: 1,
    exported: 0,
    notes: [],
    answers: [],
    sources: [
      {
        id: 'added-press-report',
        provenance: { title: 'A press report', outlet: 'Balkan Insight', author: '', date: '2023', address: 'https://example.org/report', relation: 'Regional news outlet' },
        passages: [{ kind: 'paragraph', text: 'The report quotes Albanian officials on the camp.' }],
        from: 'pasted',
        added: 1,
        updated: 1,
      },
    ],
  };
  const page = await app.open('notes/');
  await page.getByLabel('Import a JSON export').setInputFiles({ name: 'pack.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(pack)) });
  await waitUntil(async () => /Imported 1 source\./.test(await page.locator('main p.status').textContent()), 'pack imported');
  await page.goto(new URL('../', page.url()).href);
  await app.ready(page);
  const card = page.getByRole('article', { name: /A press report/ });
  assert.match(await card.textContent(), /OutletBalkan Insight.*Authornot stated.*Date2023.*Addresshttps:\/\/example\.org\/report/);
  assert.equal(await card.getByRole('link', { name: /example\.org/ }).count(), 0, 'the address is text, not a link');
  await page.context().close();
  app.assertClean();
});

test('an added source is compared side by side with a bundled one and with another added one', async () => {
  const page = await app.open('read/lends-hope/');
  const bundled = await page.locator('main .text p[id^="p"]').evaluateAll((ps) => ps.slice(0, 3).map((p) => p.textContent.trim()));
  // A retelling of the summary's first three paragraphs: the first kept, a word of the second changed.
  const retold = [bundled[0], bundled[1].replace(/\b(\w{5,})\b/, 'REWORDED'), 'A paragraph of its own about Albanian officials.'];
  await page.goto(new URL('../../', page.url()).href);
  await app.ready(page);
  await addByPaste(page, 'A retelling', retold.join('\n'));
  await addByPaste(page, 'Another outlet', [retold[0], 'Something else entirely.'].join('\n'));
  await page.getByRole('link', { name: /^A retelling/ }).click();
  await page.getByRole('heading', { level: 1, name: 'A retelling' }).waitFor();
  await page.getByRole('link', { name: 'Compare side by side with another document' }).click();
  await page.getByLabel('Left document').selectOption({ label: 'A retelling (added by you)' });
  await page.getByLabel('Right document').selectOption('lends-hope');
  await page.waitForURL(/compare\/\?a=added-a-retelling&b=lends-hope$/);
  const table = page.locator('table.cmp-table');
  await table.waitFor();
  assert.equal(await page.getByLabel('Left document').inputValue(), 'added-a-retelling');
  assert.ok((await table.locator('tr.cmp-row.shared').count()) >= 1, 'the kept paragraph is shared');
  const changed = table.locator('tr.cmp-row.changed').first();
  assert.match(await changed.locator('td').first().locator('del').allTextContents().then((t) => t.join(' ')), /REWORDED/);
  assert.match(await page.locator('#cmp-summary').textContent(), /1 shared, 1 changed/);
  // Added against added.
  await page.getByLabel('Right document').selectOption({ label: 'Another outlet (added by you)' });
  await page.waitForURL(/compare\/\?a=added-a-retelling&b=added-another-outlet$/);
  await waitUntil(async () => /1 shared/.test(await page.locator('#cmp-summary').textContent()), 'the two added sources aligned');
  assert.match(await table.locator('th').nth(1).textContent(), /Another outlet/);
  // Reopened from its address in another tab of the same browser.
  const again = await app.open(page.url().replace(/^.*\/companion\//, ''), { context: page.context() });
  await again.locator('table.cmp-table th', { hasText: 'Another outlet' }).waitFor();
  await page.context().close();
  app.assertClean();
});

test('added sources have the notes’ guarantees: two tabs, storage full, storage blocked', async () => {
  // Two tabs of one browser: a source added in one appears in the other, and neither undoes the other.
  const context = await app.newContext();
  const one = await app.open('', { context });
  const two = await app.open('', { context });
  await addByPaste(one, 'From tab one');
  await two.getByRole('article', { name: /From tab one/ }).waitFor();
  await addByPaste(two, 'From tab two');
  await one.getByRole('article', { name: /From tab two/ }).waitFor();
  assert.match(await saved(one), /From tab one[\s\S]*From tab two/);

  // Storage full: the source is kept in the tab, the form says so, and it is saved when there is room.
  await one.evaluate(() => {
    let n = 0;
    for (let size = 1 << 20; size >= 1; size = Math.floor(size / 2)) {
      for (;;) {
        try {
          localStorage.setItem(`filler-${n++}`, 'x'.repeat(size));
        } catch {
          break;
        }
      }
    }
  });
  await fill(one, { text: ARTICLE, title: 'While storage was full' });
  const alert = one.locator('details.add-source').getByRole('alert').filter({ hasText: 'storage is full' });
  await alert.waitFor();
  await one.getByRole('article', { name: /While storage was full/ }).waitFor();
  assert.doesNotMatch(await saved(one), /While storage was full/);
  await one.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('filler-')).forEach((k) => localStorage.removeItem(k)));
  await waitUntil(async () => /While storage was full/.test(await saved(one)), 'saved once there is room', 10000);
  await context.close();

  // Storage blocked: said where the source is added; it works for this tab.
  const blocked = await app.newContext();
  await blocked.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get: () => { throw new DOMException('The operation is insecure.', 'SecurityError'); }, configurable: true });
  });
  const page = await app.open('', { context: blocked });
  await page.getByText('Add a source', { exact: true }).click();
  assert.match(await page.locator('details.add-source').textContent(), /kept only until this tab closes/);
  await addByPaste(page, 'Only for this tab');
  await page.getByRole('link', { name: /^Only for this tab/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Only for this tab' }).waitFor();
  await blocked.close();
  app.assertClean();
});

test('the search finds words in added sources, grouped apart, and leads to their passage with the hits marked', async () => {
  const page = await app.open('');
  await addByPaste(page, 'A searchable report', 'An opening line on Manëz.\nThe Zyxquor committee visited Manëz twice.');
  await page.goto(new URL('search/?q=zyxquor+manez', page.url()).href);
  await app.ready(page);
  const group = page.getByRole('region', { name: /A searchable report/ });
  await group.waitFor();
  assert.match(await group.textContent(), new RegExp(ADDED));
  assert.deepEqual(await group.locator('mark').allTextContents(), ['Zyxquor', 'Manëz']);
  assert.match(await page.locator('.search-summary').textContent(), /Also 2 in 1 of the sources you added\./);
  await group.getByRole('link', { name: /Paragraph 2/ }).click();
  await page.getByRole('heading', { level: 1, name: 'A searchable report' }).waitFor();
  assert.match(page.url(), /added\/\?source=added-a-searchable-report&q=zyxquor\+manez#p2$/);
  // Marked as the bundled reader marks them: in the paragraphs holding every word of the
  // query, not in the one naming only Manëz.
  await page.locator('main #p2 mark.hit').first().waitFor();
  assert.deepEqual(await page.locator('main #p2 mark.hit').allTextContents(), ['Zyxquor', 'Manëz']);
  assert.equal(await page.locator('main .text mark.hit').count(), 2);
  await page.context().close();
  app.assertClean();
});

test('the form, the added reader and an added comparison have no WCAG 2.2 A/AA violation (light and dark)', async () => {
  const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
  for (const colorScheme of ['light', 'dark']) {
    // Injecting axe is the test's own inline script: only such a context bypasses the CSP.
    const context = await app.newContext({ colorScheme, bypassCSP: true });
    const page = await app.open('', { context });
    await addByPaste(page, 'Checked for access');
    await page.getByLabel('Paste the article’s text').fill('');
    await page.getByRole('button', { name: 'Add source' }).click();
    await page.locator('details.add-source [role="alert"]', { hasText: 'There is no text' }).waitFor();
    const failures = [];
    const check = async (name) => {
      await page.addScriptTag({ path: AXE });
      const result = await page.evaluate(() =>
        // eslint-disable-next-line no-undef
        axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }),
      );
      for (const v of result.violations) failures.push(`${name} [${colorScheme}]: ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
    };
    await check('library with the form open and an error');
    await page.getByRole('link', { name: /^Checked for access/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Checked for access' }).waitFor();
    await check('added reader');
    await page.getByRole('link', { name: 'Compare side by side with another document' }).click();
    await page.locator('table.cmp-table th', { hasText: 'Checked for access' }).waitFor();
    await check('added comparison');
    assert.deepEqual(failures, []);
    await context.close();
  }
  app.assertClean();
});

/** Selects the first `chars` characters of `passage` (a locator), as a drag would. */
async function select(passage, chars) {
  return passage.evaluate((el, n) => {
    const first = document.createTreeWalker(el, NodeFilter.SHOW_TEXT).nextNode();
    const range = document.createRange();
    range.setStart(first, 0);
    range.setEnd(first, Math.min(n, first.length));
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    return range.toString().trim();
  }, chars);
}

test('words selected in an added source take a note, in its reader and in a comparison', async () => {
  const page = await app.open('');
  await addByPaste(page, 'Selected words');
  await page.getByRole('link', { name: /^Selected words/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Selected words' }).waitFor();
  const words = await select(page.locator('main p#p1'), 15);
  await page.getByRole('button', { name: 'Add a note on the selected words in paragraph 1' }).click();
  await page.getByLabel('Your note').fill('On the selection');
  await page.getByRole('button', { name: 'Save note' }).click();
  await waitUntil(async () => (await page.locator('main p#p1 mark.noted').textContent().catch(() => '')) === words, 'the selected words are marked');
  await page.getByRole('link', { name: 'Compare side by side with another document' }).click();
  const column = page.locator('table.cmp-table td p[data-doc="added-selected-words"]').nth(1);
  await column.waitFor();
  const more = await select(column, 12);
  const region = page.getByRole('region', { name: 'Note on the selected words' });
  await region.getByText(`Selected in “Selected words”: “${more}”`).waitFor();
  await region.getByRole('button', { name: 'Add a note on the selection' }).click();
  await page.getByLabel('Your note').fill('From the comparison');
  await page.getByRole('button', { name: 'Save note' }).click();
  await page.getByRole('status').filter({ hasText: 'Your notes are in the reader' }).waitFor();
  assert.match(await saved(page), /From the comparison/);
  await page.context().close();
  app.assertClean();
});
