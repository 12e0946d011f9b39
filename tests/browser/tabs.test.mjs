// The student's work in two tabs of one browser (issue 28): each change is saved as a change
// onto what storage holds just then, and every open tab shows what the others saved, so no
// tab undoes another's notes, answers, estimates or settings; an assignment's answers typed
// in two tabs are both kept, and a hand-in from either tab holds both.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { makeAssignment } from './authoring.mjs';
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

/** Writes `text` as a note on paragraph `n` with its "Add a note" button. */
async function addNote(page, n, text) {
  await page.getByRole('button', { name: `Add a note to paragraph ${n}` }).click();
  await page.getByLabel('Your note').fill(text);
  await page.getByRole('button', { name: 'Save note' }).click();
  await page.getByRole('complementary').filter({ hasText: text }).waitFor();
}

const note = (page, text) => page.getByRole('complementary').filter({ hasText: text });
const savedTexts = (page) =>
  page.evaluate((key) => (JSON.parse(localStorage.getItem(key) ?? '{"notes":[]}').notes ?? []).map((n) => n.text).sort(), KEY);

async function reloadBoth(a, b) {
  for (const page of [a, b]) {
    await page.reload();
    await app.ready(page);
  }
}

test('notes added, edited and deleted in two tabs are all kept, and each tab shows the other’s', async () => {
  const context = await app.newContext();
  const a = await app.open(READER, { context });
  const b = await app.open(READER, { context });
  await addNote(a, 3, 'X written in A');
  await note(b, 'X written in A').waitFor({ timeout: 5000 });
  await addNote(b, 4, 'Y written in B');
  await note(a, 'Y written in B').waitFor({ timeout: 5000 });
  await reloadBoth(a, b);
  for (const page of [a, b]) {
    await note(page, 'X written in A').waitFor();
    await note(page, 'Y written in B').waitFor();
  }
  // Both tabs know X and Y: A edits X, then B deletes Y. Neither undoes the other.
  await note(a, 'X written in A').getByRole('button', { name: 'Edit' }).click();
  await a.getByLabel('Your note').fill('X edited in A');
  await a.getByRole('button', { name: 'Save note' }).click();
  await note(a, 'X edited in A').waitFor();
  await note(b, 'Y written in B').getByRole('button', { name: 'Delete' }).click();
  await waitUntil(async () => (await note(b, 'Y written in B').count()) === 0, 'Y deleted in B');
  await note(b, 'X edited in A').waitFor({ timeout: 5000 });
  await waitUntil(async () => (await note(a, 'Y written in B').count()) === 0, 'A shows the delete made in B');
  assert.deepEqual(await savedTexts(a), ['X edited in A']);
  await reloadBoth(a, b);
  for (const page of [a, b]) {
    await note(page, 'X edited in A').waitFor();
    assert.equal(await note(page, 'Y written in B').count(), 0, 'the deleted note stays deleted');
    assert.equal(await note(page, 'X written in A').count(), 0, 'the edit is not reverted');
  }
  await context.close();
  app.assertClean();
});

test('a tab reads storage again before it writes: what another tab saved unseen is kept', async () => {
  const context = await app.newContext();
  const a = await app.open(READER, { context });
  // Another tab's save whose storage event this tab never got (written from this very page,
  // which gets no event for its own writes).
  await a.evaluate((key) => {
    const other = { id: 'n-other', anchor: { doc: 'lends-hope', block: 'p2', quote: '' }, text: 'Saved by another tab', created: 1, updated: 1 };
    localStorage.setItem(key, JSON.stringify({ schema: 'ashraf3-companion/notes', version: 1, exported: 0, notes: [other], answers: [] }));
  }, KEY);
  await addNote(a, 4, 'Written here');
  assert.deepEqual(await savedTexts(a), ['Saved by another tab', 'Written here']);
  await context.close();
  app.assertClean();
});

test('answers, estimates and settings from two tabs are all kept, and shown in both', async () => {
  const context = await app.newContext();
  const a = await app.open('questions/', { context });
  const b = await app.open('questions/', { context });
  const answer = (page, n) => page.getByRole('article').nth(n).getByLabel('Your answer');
  await answer(a, 0).fill('Answer from A');
  await waitUntil(async () => (await answer(b, 0).inputValue()) === 'Answer from A', 'B shows A’s answer');
  await answer(b, 1).fill('Answer from B');
  await waitUntil(async () => (await answer(a, 1).inputValue()) === 'Answer from B', 'A shows B’s answer');
  // An estimate made in a third tab shows in both.
  const asking = a.getByRole('article').filter({ has: a.getByRole('link', { name: 'Make your estimate' }) }).first();
  const id = await asking.getAttribute('id');
  const c = await context.newPage();
  await c.goto(await asking.getByRole('link', { name: 'Make your estimate' }).evaluate((l) => l.href));
  await app.ready(c);
  await c.getByLabel(/^Your estimate/).fill('1500');
  await c.getByRole('button', { name: 'Save my estimate and show the figures' }).click();
  await c.locator('svg.figure-chart').waitFor();
  for (const page of [a, b]) {
    await waitUntil(async () => /Your estimate: 1,500\./.test(await page.locator(`article#${id}`).textContent()), 'the estimate shows in every tab');
  }
  // A setting changed in one tab follows in the other, and is kept.
  await a.getByRole('checkbox', { name: 'Glossary marks' }).uncheck();
  await waitUntil(async () => !(await b.getByRole('checkbox', { name: 'Glossary marks' }).isChecked()), 'B follows the setting');
  await reloadBoth(a, b);
  for (const page of [a, b]) {
    assert.equal(await answer(page, 0).inputValue(), 'Answer from A');
    assert.equal(await answer(page, 1).inputValue(), 'Answer from B');
    assert.match(await page.locator(`article#${id}`).textContent(), /Your estimate: 1,500\./);
    assert.equal(await page.getByRole('checkbox', { name: 'Glossary marks' }).isChecked(), false);
  }
  await context.close();
  app.assertClean();
});

test('an assignment open in two tabs keeps the answers typed in each, and the hand-in from either tab has both', async () => {
  const teacher = await app.open('teacher/');
  const { link } = await makeAssignment(teacher, 'Two tabs, one assignment', ['who-wrote', 'for-whom']);
  await teacher.context().close();
  const context = await app.newContext();
  const a = await app.open(link, { context });
  const b = await app.open(link, { context });
  const box = (page, n) => page.getByLabel(`Your answer to question ${n}`);
  await box(a, 1).fill('Typed in tab A');
  await waitUntil(async () => (await box(b, 1).inputValue()) === 'Typed in tab A', 'B shows A’s answer');
  await box(b, 2).fill('Typed in tab B');
  await waitUntil(async () => (await box(a, 2).inputValue()) === 'Typed in tab B', 'A shows B’s answer');
  // A goes on typing its own answer after B's save: B's is not undone.
  await box(a, 1).fill('Typed in tab A, then more');
  await waitUntil(async () => (await box(b, 1).inputValue()) === 'Typed in tab A, then more', 'B follows');
  const handIn = async (page, name) => {
    await page.getByLabel('Your name').fill(name);
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the hand-in for your teacher (JSON)' }).click(),
    ]);
    return JSON.parse(await readFile(await file.path(), 'utf8')).answers.map((x) => [x.question, x.text]);
  };
  const both = [['who-wrote', 'Typed in tab A, then more'], ['for-whom', 'Typed in tab B']];
  assert.deepEqual(await handIn(a, 'Ana Lima'), both, 'the hand-in from tab A');
  assert.deepEqual(await handIn(b, 'Ana Lima'), both, 'the hand-in from tab B');
  await reloadBoth(a, b);
  for (const page of [a, b]) {
    assert.equal(await box(page, 1).inputValue(), 'Typed in tab A, then more');
    assert.equal(await box(page, 2).inputValue(), 'Typed in tab B');
  }
  await context.close();
  app.assertClean();
});
