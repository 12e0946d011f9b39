// The student's own work (issue 16): notes by selection and by keyboard alone, kept across a
// reload, edited, deleted with undo; My notes with search; Markdown and JSON export compared
// with the notes; import (malformed, foreign, merge); storage blocked and corrupt; guided
// questions; predict-then-reveal; the print view.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
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
const READER = 'read/lends-hope/';

/** Selects up to `chars` characters at the start of `passage` (a locator), as a drag or a
 * touch screen's handles would, and returns the selected words. */
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

/** Writes `text` as a note on paragraph `n` with its "Add a note" button. */
async function addNote(page, n, text) {
  await page.getByRole('button', { name: `Add a note to paragraph ${n}` }).click();
  await page.getByLabel('Your note').fill(text);
  await page.getByRole('button', { name: 'Save note' }).click();
}

test('a note by selection and one by keyboard alone are kept across a reload', async () => {
  const context = await app.newContext();
  const page = await app.open(READER, { context });
  const words = await select(page.locator('p#p3'), 20);
  await page.getByRole('button', { name: 'Add a note on the selected words in paragraph 3' }).click();
  assert.equal(await page.getByLabel('Words to highlight (optional; empty: the whole paragraph)').inputValue(), words);
  await page.getByLabel('Your note').fill('Who is Habibi, and how does the summary know?');
  await page.getByRole('button', { name: 'Save note' }).click();
  const note = page.getByRole('complementary', { name: `Note on “${words}”` });
  await note.waitFor();
  assert.equal(await page.locator('p#p3 mark.noted').textContent(), words, 'the words are highlighted');
  // Keyboard alone: Tab to a paragraph's "Add a note", type, Enter.
  const add = page.getByRole('button', { name: 'Add a note to paragraph 5' });
  await add.focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label') ?? document.activeElement.labels?.[0]?.textContent), 'Your note', 'focus moves into the note');
  await page.keyboard.type('The whole paragraph matters.');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  const whole = page.getByRole('complementary', { name: 'Note on this paragraph' });
  await whole.waitFor();
  const focused = () => page.evaluate(() => document.activeElement.getAttribute('aria-label') ?? document.activeElement.textContent);
  await waitUntil(async () => (await focused()) === 'Add a note to paragraph 5', 'focus goes back to the button that opened the editor');
  // Editing by keyboard: once saved, focus is on the note's Edit button, not lost.
  await whole.getByRole('button', { name: 'Edit' }).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('End');
  await page.keyboard.type(' Edited.');
  await page.getByRole('button', { name: 'Save note' }).focus();
  await page.keyboard.press('Enter');
  await waitUntil(async () => (await focused()) === 'Edit', 'focus is on the edited note’s Edit button');
  assert.match(await whole.textContent(), /matters\. Edited\./);
  await page.reload();
  await app.ready(page);
  await note.waitFor();
  assert.match(await note.textContent(), /how does the summary know\?/);
  assert.match(await page.getByRole('complementary', { name: 'Note on this paragraph' }).textContent(), /The whole paragraph matters\. Edited\./);
  await context.close();
  app.assertClean();
});

test('words selected in a comparison column take a note, shown there and in the reader', async () => {
  const context = await app.newContext();
  const page = await app.open('compare/source-of-hope/lends-hope/', { context });
  const passage = page.locator('td [data-doc="lends-hope"][data-block="p3"]');
  const words = await select(passage, 12);
  const offer = page.getByRole('region', { name: 'Note on the selected words' });
  assert.match(await offer.textContent(), new RegExp(`Selected in “Lends hope \\(summary\\)”: “${words}”`));
  await offer.getByRole('button', { name: 'Add a note on the selection' }).click();
  await page.getByLabel('Your note').fill('Compared with the article');
  await page.getByRole('button', { name: 'Save note' }).click();
  await page.getByRole('status').filter({ hasText: 'Your notes are in the reader' }).waitFor();
  assert.equal(await passage.locator('mark.noted').textContent(), words, 'highlighted in the column');
  // Opened again: the page written at build time has no notes; the saved one is highlighted.
  const again = await app.open('compare/source-of-hope/lends-hope/', { context });
  const marked = again.locator('td [data-doc="lends-hope"][data-block="p3"] mark.noted');
  await waitUntil(async () => (await marked.count()) === 1, 'the saved note highlighted when the comparison opens again');
  assert.equal(await marked.textContent(), words);
  const reader = await app.open('read/lends-hope/', { context });
  assert.match(await reader.getByRole('complementary', { name: `Note on “${words}”` }).textContent(), /Compared with the article/);
  await context.close();
  app.assertClean();
});

test('on a phone a selection takes a note by tap, and the note sits below its paragraph', async () => {
  const context = await app.newContext({ viewport: { width: 390, height: 800 }, hasTouch: true, isMobile: true });
  const page = await app.open(READER, { context });
  // The selection a long press and its handles make; no mouse event follows it.
  const words = await select(page.locator('p#p4'), 15);
  await page.getByRole('button', { name: 'Add a note on the selected words in paragraph 4' }).tap();
  await page.getByLabel('Your note').fill('Seen on the bus');
  await page.getByRole('button', { name: 'Save note' }).tap();
  const note = page.getByRole('complementary', { name: `Note on “${words}”` });
  await note.waitFor();
  const [p, n] = [await page.locator('p#p4').boundingBox(), await note.boundingBox()];
  assert.ok(n.y >= p.y + p.height - 1 && n.x + n.width <= 390, `below the paragraph, on the screen: ${JSON.stringify({ p, n })}`);
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), true);
  await context.close();
  app.assertClean();
});

test('a note is edited, and a deleted note comes back with Undo', async () => {
  const context = await app.newContext();
  const page = await app.open(READER, { context });
  await addNote(page, 4, 'First thought');
  const note = page.getByRole('complementary', { name: 'Note on this paragraph' });
  await note.getByRole('button', { name: 'Edit' }).click();
  await page.getByLabel('Your note').fill('Second thought');
  await page.getByRole('button', { name: 'Save note' }).click();
  await waitUntil(async () => /Second thought/.test(await note.textContent()), 'the edit is shown');
  // Words that are not in the paragraph are refused with a message.
  await note.getByRole('button', { name: 'Edit' }).click();
  await page.getByLabel('Words to highlight (optional; empty: the whole paragraph)').fill('words nowhere in it');
  await page.getByRole('button', { name: 'Save note' }).click();
  assert.match(await page.getByRole('alert').textContent(), /These words are not in this paragraph/);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await note.getByRole('button', { name: 'Delete' }).click();
  await waitUntil(async () => (await note.count()) === 0, 'deleted');
  await page.getByRole('status').filter({ hasText: 'Note deleted.' }).getByRole('button', { name: 'Undo' }).click();
  await note.waitFor();
  assert.match(await note.textContent(), /Second thought/);
  await context.close();
  app.assertClean();
});

test('My notes groups notes by document, searches them, and exports what they hold', async () => {
  const context = await app.newContext({ acceptDownloads: true });
  const page = await app.open(READER, { context });
  const words = await select(page.locator('p#p3'), 20);
  await page.getByRole('button', { name: /selected words in paragraph 3/ }).click();
  await page.getByLabel('Your note').fill('Compare with Durrës');
  await page.getByRole('button', { name: 'Save note' }).click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My notes' }).click();
  await page.getByRole('heading', { level: 1, name: 'My notes' }).waitFor();
  const group = page.getByRole('region', { name: 'MEK and Ashraf 3 Lends Hope to Iran’s Youth' });
  assert.match(await group.textContent(), new RegExp(`“${words}”.*Compare with Durrës`));
  await page.getByLabel('Search your notes').fill('durres');
  assert.equal(await group.getByRole('listitem').count(), 1, 'folded search finds the note');
  await page.getByLabel('Search your notes').fill('nothing like this');
  await page.getByText('No note matches this search.').waitFor();
  await page.getByLabel('Search your notes').fill('');
  const [md] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export as Markdown' }).click()]);
  const markdown = await readFile(await md.path(), 'utf8');
  assert.match(md.suggestedFilename(), /^ashraf3-notes-\d{4}-\d{2}-\d{2}\.md$/);
  assert.match(markdown, new RegExp(`> ${words}`));
  assert.match(markdown, /Compare with Durrës/);
  assert.match(markdown, /\[Read the passage\]\(http:\/\/127\.0\.0\.1:\d+\/courses\/unit-3\/companion\/read\/lends-hope\/#p3\)/);
  const [js] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export as JSON' }).click()]);
  const exported = JSON.parse(await readFile(await js.path(), 'utf8'));
  assert.equal(exported.schema, 'ashraf3-companion/notes');
  assert.equal(exported.version, 1);
  assert.deepEqual(exported.notes.map((n) => [n.anchor.doc, n.anchor.block, n.anchor.quote, n.text]), [['lends-hope', 'p3', words, 'Compare with Durrës']]);
  // The reader link goes back to the passage.
  await group.getByRole('link', { name: 'Read the passage' }).click();
  await page.locator('p#p3 mark.noted').waitFor();
  await context.close();
  app.assertClean();
});

test('import merges an export and refuses a malformed or foreign file, changing nothing', async () => {
  const context = await app.newContext();
  const page = await app.open('notes/', { context });
  const mine = { schema: 'ashraf3-companion/notes', version: 1, exported: 0, answers: [], notes: [{ id: 'n-a', anchor: { doc: 'lends-hope', block: 'p4', quote: '' }, text: 'Mine', created: 1, updated: 1 }] };
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [KEY, JSON.stringify(mine)]);
  await page.reload();
  await app.ready(page);
  const input = page.getByLabel('Import a JSON export');
  const before = await page.evaluate((key) => localStorage.getItem(key), KEY);
  for (const [name, body, message] of [
    ['broken.json', '{"schema": "ashraf3-companion/notes", "notes": [', /not a notes export of the reading companion \(it is not JSON/],
    ['other.json', '{"hello": "world"}', /JSON but not a notes export/],
    ['newer.json', '{"schema": "ashraf3-companion/notes", "version": 9, "notes": []}', /newer version of the companion/],
  ]) {
    await input.setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(body) });
    await waitUntil(async () => message.test(await page.getByRole('status').filter({ hasText: 'unchanged' }).textContent().catch(() => '')), `${name}: a clear message`);
    assert.equal(await page.evaluate((key) => localStorage.getItem(key), KEY), before, `${name}: saved notes untouched`);
    assert.equal(await page.locator('.note-list > li').count(), 1);
  }
  // A real export merges: a note with my note's id but other words is kept beside mine.
  const theirs = {
    ...mine,
    notes: [
      { ...mine.notes[0], text: 'Theirs' },
      { id: 'n-b', anchor: { doc: 'home-to-mek', block: 'p2', quote: '' }, text: 'New one', created: 2, updated: 2 },
      // A document this build does not bundle (an older or another unit's export): kept, shown.
      { id: 'n-c', anchor: { doc: 'old-handout', block: 'p1', quote: '' }, text: 'Elsewhere', created: 3, updated: 3 },
    ],
  };
  await input.setInputFiles({ name: 'theirs.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(theirs)) });
  await waitUntil(async () => /Imported/.test(await page.locator('main p.status').textContent()), 'merge summary');
  const texts = await page.locator('.note-list .note-text').allTextContents();
  assert.deepEqual(texts.sort(), ['Elsewhere', 'Mine', 'New one', 'Theirs']);
  const other = page.getByRole('region', { name: 'Notes on documents this companion does not bundle' });
  assert.match(await other.textContent(), /Elsewhere/);
  assert.equal(await other.getByRole('link', { name: 'Read the passage' }).count(), 0, 'no link to a document that is not here');
  // Importing the same file again adds nothing.
  await input.setInputFiles({ name: 'theirs.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(theirs)) });
  await waitUntil(async () => /Nothing new was imported/.test(await page.locator('main p.status').textContent()), 'second import');
  assert.equal(await page.locator('.note-list > li').count(), 4);
  await context.close();
  app.assertClean();
});

test('with storage blocked the page says notes last for this tab, and they still work, on the tab’s other pages too', async () => {
  const context = await app.newContext();
  // Both storages refused, as in a frame sandboxed without allow-same-origin: the tab's work
  // then goes from page to page in the window's name.
  await context.addInitScript(() => {
    for (const name of ['localStorage', 'sessionStorage']) {
      Object.defineProperty(window, name, { get: () => { throw new DOMException('The operation is insecure.', 'SecurityError'); }, configurable: true });
    }
  });
  const page = await app.open(READER, { context });
  await page.getByRole('button', { name: 'Add a note to paragraph 4' }).click();
  assert.match(await page.locator('.note-editor').textContent(), /kept only until this tab closes/);
  await page.getByLabel('Your note').fill('Only for now');
  await page.getByRole('button', { name: 'Save note' }).click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My notes' }).click();
  await page.waitForURL(/\/notes\/$/);
  await app.ready(page);
  assert.match(await page.locator('main').textContent(), /kept only until this tab closes/);
  assert.match(await page.locator('.note-list').textContent(), /Only for now/);
  assert.ok(await page.getByRole('button', { name: 'Export as JSON' }).isEnabled(), 'export is offered');
  // Back on the reader, a page of its own, the note is still under its paragraph.
  await page.goBack();
  await app.ready(page);
  await page.locator('main').getByText('Only for now').waitFor();
  await context.close();
  app.assertClean();
});

test('corrupt saved notes are set aside, reported and downloadable, never overwritten', async () => {
  const context = await app.newContext({ acceptDownloads: true });
  const page = await app.open('', { context });
  const broken = '{"schema": "ashraf3-companion/notes", "version": 1, "notes": [{"id": ""';
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [KEY, broken]);
  await page.reload();
  await app.ready(page);
  await page.getByText('One entry of your saved notes and answers could not be read').waitFor();
  await page.getByRole('link', { name: 'Export from My notes' }).click();
  const aside = page.getByRole('region', { name: 'Saved data set aside' });
  const [file] = await Promise.all([page.waitForEvent('download'), aside.getByRole('button', { name: 'Download' }).click()]);
  assert.equal(await readFile(await file.path(), 'utf8'), broken, 'the data as it was saved');
  await context.close();
  app.assertClean();
});

/** A saved file holding `notes` (raw entries, readable or not). */
const savedFile = (notes) => JSON.stringify({ schema: 'ashraf3-companion/notes', version: 1, exported: 0, answers: [], notes });
const good = (id, text) => ({ id, anchor: { doc: 'lends-hope', block: 'p4', quote: '' }, text, created: 1, updated: 1 });

test('only the unreadable entries are set aside, each kept under its own key until dismissed', async () => {
  const context = await app.newContext({ acceptDownloads: true });
  const page = await app.open('', { context });
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [KEY, savedFile([good('n-1', 'Still readable'), { ...good('', 'First damaged') }])]);
  await page.goto(new URL('notes/', app.url).href);
  await app.ready(page);
  const aside = page.getByRole('region', { name: 'Saved data set aside' });
  await aside.waitFor();
  assert.match(await page.locator('.note-list').textContent(), /Still readable/, 'the readable note is kept');
  assert.equal(await aside.getByRole('listitem').count(), 1);
  assert.match(await aside.textContent(), /note 2 has no id/);
  const [file] = await Promise.all([page.waitForEvent('download'), aside.getByRole('button', { name: 'Download' }).click()]);
  assert.match(await readFile(await file.path(), 'utf8'), /First damaged/);
  // A new note does not hide or replace it.
  await page.goto(new URL(READER, app.url).href);
  await app.ready(page);
  await addNote(page, 5, 'Written after');
  await page.getByRole('complementary').filter({ hasText: 'Written after' }).waitFor();
  // The notes become unreadable a second time: the second copy is kept beside the first.
  await page.evaluate((key) => {
    const saved = JSON.parse(localStorage.getItem(key));
    saved.notes.push({ id: 'n-bad', anchor: { doc: 'lends-hope', block: '' }, text: 'Second damaged', created: 1, updated: 1 });
    localStorage.setItem(key, JSON.stringify(saved));
  }, KEY);
  await page.goto(new URL('notes/', app.url).href);
  await app.ready(page);
  await waitUntil(async () => (await aside.getByRole('listitem').count()) === 2, 'both set-aside copies are listed');
  assert.match(await aside.textContent(), /First damaged|note 2 has no id/);
  assert.match(await aside.textContent(), /does not say which paragraph/);
  assert.deepEqual((await page.locator('.note-list .note-text').allTextContents()).sort(), ['Still readable', 'Written after']);
  const keys = () => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('ashraf3-companion.notes.unreadable')).length);
  assert.equal(await keys(), 2);
  await aside.getByRole('listitem').first().getByRole('button', { name: 'Dismiss' }).click();
  await waitUntil(async () => (await aside.getByRole('listitem').count()) === 1, 'dismissed');
  assert.equal(await keys(), 1);
  await page.reload();
  await app.ready(page);
  await waitUntil(async () => (await aside.getByRole('listitem').count()) === 1, 'the other one stays until dismissed');
  await context.close();
  app.assertClean();
});

test('with storage full the editor says so, keeps the note, and saves it when there is room', async () => {
  const context = await app.newContext();
  const page = await app.open(READER, { context });
  // Fill this origin's storage to the last character.
  await page.evaluate(() => {
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
  await page.getByRole('button', { name: 'Add a note to paragraph 4' }).click();
  await page.getByLabel('Your note').fill('Written while storage was full');
  await page.getByRole('button', { name: 'Save note' }).click();
  const editor = page.getByRole('group', { name: 'Note editor' });
  const alert = editor.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), /storage is full.*not saved yet/);
  assert.ok(await alert.getByRole('link', { name: 'Export from My notes' }).isVisible(), 'the export is offered next to the editor');
  assert.equal(await editor.getByLabel('Your note').inputValue(), 'Written while storage was full', 'the editor keeps the text');
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), KEY), null);
  // Room is freed: the note is saved and the editor closes.
  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('filler-')).forEach((k) => localStorage.removeItem(k)));
  await waitUntil(async () => (await editor.count()) === 0, 'the editor closes once the note is saved', 10000);
  assert.match(await page.evaluate((key) => localStorage.getItem(key), KEY), /Written while storage was full/);
  await page.getByRole('complementary').filter({ hasText: 'Written while storage was full' }).waitFor();
  await context.close();
  app.assertClean();
});

test('the Markdown export escapes what Markdown viewers render as HTML', async () => {
  const context = await app.newContext({ acceptDownloads: true });
  const page = await app.open('', { context });
  const attack = '<img src=x onerror=alert(1)>';
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [KEY, savedFile([
    { ...good('n-1', `My note ${attack}`), anchor: { doc: attack, block: 'p1', quote: '' } },
    { ...good('n-2', 'Fine <b>bold</b> &amp; more'), anchor: { doc: 'lends-hope', block: 'p4', quote: '' } },
  ])]);
  await page.goto(new URL('notes/', app.url).href);
  await app.ready(page);
  await page.getByText('Fine <b>bold</b>').waitFor();
  const [md] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export as Markdown' }).click()]);
  const markdown = await readFile(await md.path(), 'utf8');
  assert.match(markdown, /### \\<img src=x onerror=alert\(1\)>/);
  assert.match(markdown, /My note \\<img/);
  assert.match(markdown, /Fine \\<b>bold\\<\/b> \\&amp; more/);
  assert.ok([...markdown.matchAll(/</g)].every((m) => markdown[m.index - 1] === '\\'), `every < is escaped:\n${markdown}`);
  await context.close();
  app.assertClean();
});

test('a note being written is kept when the student moves to another view and comes back', async () => {
  const context = await app.newContext();
  const page = await app.open(READER, { context });
  await page.getByRole('button', { name: 'Add a note to paragraph 4' }).click();
  await page.getByLabel('Your note').fill('Not finished');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Glossary' }).click();
  await page.getByRole('heading', { level: 1, name: 'Glossary' }).waitFor();
  await page.goBack();
  await waitUntil(async () => (await page.getByLabel('Your note').count()) === 1, 'the editor is open again');
  assert.equal(await page.getByLabel('Your note').inputValue(), 'Not finished');
  // Cancel drops the draft: the editor stays closed from then on.
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.reload();
  await app.ready(page);
  assert.equal(await page.getByLabel('Your note').count(), 0);
  await context.close();
  app.assertClean();
});

test('guided questions keep answers; predict first, then the figures with the estimate', async () => {
  const context = await app.newContext();
  const page = await app.open('', { context });
  // Each is a page of its own, which the app then takes over.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Questions' }).click();
  await page.waitForURL(/\/questions\/$/);
  await app.ready(page);
  assert.ok((await page.getByRole('article').count()) >= 10);
  const first = page.getByRole('article').first();
  await first.getByLabel('Your answer').fill('The byline says PMOI/MEK.');
  const asking = page.getByRole('article').filter({ has: page.getByRole('link', { name: 'Make your estimate' }) }).first();
  const predicting = page.locator(`article#${await asking.getAttribute('id')}`);
  await predicting.getByRole('link', { name: 'Make your estimate' }).click();
  await page.getByRole('heading', { level: 2, name: 'Predict first' }).waitFor();
  assert.equal(await page.locator('svg.figure-chart').count(), 0, 'no values before the estimate');
  assert.equal(await page.locator('#spread').count(), 0);
  await page.getByLabel(/^Your estimate/).fill('abc');
  await page.getByRole('button', { name: 'Save my estimate and show the figures' }).click();
  await page.getByRole('alert').filter({ hasText: 'Give a number' }).waitFor();
  await page.getByLabel(/^Your estimate/).fill('1500');
  await page.getByRole('button', { name: 'Save my estimate and show the figures' }).click();
  await page.locator('svg.figure-chart').waitFor();
  assert.match(await page.locator('.your-estimate').textContent(), /^Your estimate: 1,500 /);
  // Opened again, even without the question, the page shows the estimate beside the figures.
  const unasked = new URL(page.url());
  assert.equal(unasked.searchParams.get('predict'), '1', `the question's URL: ${unasked}`);
  unasked.searchParams.delete('predict');
  await page.goto(unasked.href);
  await app.ready(page);
  await page.locator('.your-estimate').waitFor();
  await page.reload();
  await app.ready(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Questions' }).click();
  await page.getByRole('heading', { level: 1, name: 'Guided questions' }).waitFor();
  assert.equal(await page.getByRole('article').first().getByLabel('Your answer').inputValue(), 'The byline says PMOI/MEK.');
  assert.match(await predicting.textContent(), /Your estimate: 1,500\./);
  // My notes gathers the answers too, for the handout and the export.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My notes' }).click();
  await page.waitForURL(/\/notes\/$/);
  await app.ready(page);
  const answers = page.getByRole('region', { name: 'Answers to the guided questions' });
  assert.match(await answers.textContent(), /2 of \d+ questions answered/);
  assert.match(await answers.textContent(), /The byline says PMOI\/MEK\./);
  assert.match(await answers.textContent(), /Estimate: 1,500/);
  await context.close();
  app.assertClean();
});

test('the print view of My notes is a clean handout', async () => {
  const context = await app.newContext();
  const page = await app.open(READER, { context });
  await addNote(page, 4, 'For the handout');
  const notes = await app.open('notes/', { context });
  await notes.emulateMedia({ media: 'print' });
  assert.equal(await notes.getByRole('button', { name: 'Export as Markdown' }).isVisible(), false);
  assert.equal(await notes.getByLabel('Search your notes').isVisible(), false);
  assert.equal(await notes.getByRole('navigation', { name: 'Main' }).isVisible(), false);
  assert.ok(await notes.getByText('For the handout').isVisible());
  assert.ok(await notes.getByRole('heading', { level: 1, name: 'My notes' }).isVisible());
  await context.close();
  app.assertClean();
});
