// Assignments and hand-in review (issue 32): a teacher composes an assignment with a question
// of their own, a student opens its link in a fresh browser, answers, hands in, and the teacher
// reviews that hand-in beside others (one missing an answer, one for another assignment); cut,
// edited and over-long links, malformed, duplicated and foreign hand-ins; keyboard and
// accessible names on the composer and the review table.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import { startApp, waitUntil } from './harness.mjs';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');

// The course page a test pastes the teacher's embed code into, served beside the companion.
let coursePage = '';
function course(req, res, path) {
  if (path !== '/course/week-3/') return false;
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(`<!doctype html><html lang="en"><title>Course page</title><link rel="icon" href="data:,"><main><h1>Week 3</h1>${coursePage}</main></html>`);
  return true;
}

let app;
before(async () => {
  app = await startApp({ server: { extra: course } });
});
after(async () => {
  await app?.close();
});

const OWN = 'Which source would you quote on the raid, and why?';

/** Composes the test's assignment on the teacher's page; returns the student's and the teacher's links. */
async function compose(page, title = 'Week 3: who counts the residents?') {
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Instructions').fill('Read the two encyclopedia revisions first.\nAnswer in your own words.');
  await page.getByLabel(/^Due/).fill('Friday 12 March');
  await page.getByLabel('Ask for estimates before the figures are shown').check();
  const guided = page.getByLabel('A guided question');
  await guided.selectOption('who-wrote');
  // By keyboard: the buttons answer Enter.
  await page.getByRole('button', { name: 'Add the guided question' }).focus();
  await page.keyboard.press('Enter');
  await guided.selectOption('residents-estimate');
  await page.getByRole('button', { name: 'Add the guided question' }).click();
  await page.getByRole('button', { name: 'Move question 2 up' }).focus();
  await page.keyboard.press('Enter');
  await page.getByLabel('Your question', { exact: true }).fill(OWN);
  await page.getByLabel('Link it to').selectOption('claim');
  await page.getByLabel('Claim', { exact: true }).selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Add the link' }).click();
  await page.getByRole('button', { name: 'Add your question' }).click();
  const chosen = page.getByRole('list', { name: 'Questions in this assignment' });
  await waitUntil(async () => (await chosen.locator(':scope > li').count()) === 3, 'three questions chosen');
  assert.match(await chosen.locator(':scope > li').nth(0).textContent(), /Guided question.*residents|estimate/i);
  assert.match(await chosen.locator(':scope > li').nth(2).textContent(), /Your question: Which source would you quote.*Claim:/);
  assert.match(await page.locator('#link-size').textContent(), /^\d+ of 6000 characters used \(\d+ left\)\.$/);
  const link = await page.getByLabel('The assignment’s link, for students').inputValue();
  const edit = await page.getByLabel(/Keep this link to edit the assignment/).inputValue();
  assert.match(link, /\/courses\/unit-3\/companion\/assignment\/\?a=1\.[A-Za-z0-9_-]+\.[0-9a-f]{8}$/);
  assert.match(edit, /\/companion\/teacher\/\?a=1\./);
  assert.match(await page.getByLabel('To embed it in a course page').inputValue(), /^<iframe src="[^"]*assignment\/\?a=1\.[^"]*&amp;embed=1"/);
  return { link, edit };
}

/** Opens the student's link in a new page of `context`. */
async function openLink(context, link) {
  const page = await context.newPage();
  await page.goto(link);
  await app.ready(page);
  return page;
}

/** Drops `files` on the review's drop area, as a file manager does. */
async function drop(page, files) {
  const transfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([f.body], f.name, { type: 'application/json' }));
    return dt;
  }, files.map((f) => ({ name: f.name, body: f.buffer.toString() })));
  const area = page.getByLabel(/Open hand-in files/).locator('..');
  await area.dispatchEvent('dragover', { dataTransfer: transfer });
  await area.dispatchEvent('drop', { dataTransfer: transfer });
}

async function download(page, name) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
}

test('compose with a custom question, answer in a fresh browser, hand in, review beside two others', async () => {
  const teacher = await app.newContext();
  const tp = await app.open('questions/', { context: teacher });
  await tp.getByRole('link', { name: 'Make an assignment' }).click();
  await tp.getByRole('heading', { level: 1, name: 'Assignments for teachers' }).waitFor();
  const { link, edit } = await compose(tp);

  // The student: a fresh browser with nothing of the teacher's.
  const student = await app.newContext();
  const sp = await openLink(student, link);
  await sp.getByRole('heading', { level: 1, name: 'Week 3: who counts the residents?' }).waitFor();
  assert.match(await sp.locator('.assignment-meta').textContent(), /version 1 · Due: Friday 12 March/);
  assert.match(await sp.locator('.assignment-instructions').textContent(), /revisions first\.\nAnswer/);
  assert.equal(await sp.getByRole('heading', { level: 2, name: /^Question \d$/ }).count(), 3);
  // The order the teacher chose; the teacher's question with its link into the companion.
  assert.match(await sp.getByRole('article', { name: 'Question 3' }).textContent(), new RegExp(OWN.replace('?', '\\?')));
  await sp.getByRole('list', { name: 'Sources for question 3' }).getByRole('link', { name: /^Claim: / }).waitFor();
  // Estimates first: asked on the page, the figures offered once it is made.
  const q1 = sp.getByRole('article', { name: 'Question 1' });
  assert.equal(await q1.getByRole('link', { name: 'See the figures' }).count(), 0);
  await q1.getByLabel(/Your estimate/).fill('2,500');
  await q1.getByRole('button', { name: 'Save my estimate for question 1' }).click();
  await q1.getByRole('link', { name: 'See the figures' }).waitFor();
  await sp.getByLabel('Your answer to question 1').fill('Around 2,500, as the camp is large.');
  await sp.getByLabel('Your answer to question 2').fill('The organisation’s own sites wrote three of them.');
  await sp.getByLabel('Your answer to question 3').fill('=SUM(1) The encyclopedia, because it cites, "mostly".');
  // A guided question answered in the assignment is not answered outside it.
  const saved = await sp.evaluate(() => localStorage.getItem('ashraf3-companion.notes.v1'));
  assert.match(saved, /"question":\s*"assignment:[a-z0-9-]+:who-wrote"/);
  assert.doesNotMatch(saved, /"question":\s*"who-wrote"/);
  // Kept like the other answers, across a reload.
  await sp.reload();
  await app.ready(sp);
  await waitUntil(async () => (await sp.getByLabel('Your answer to question 2').inputValue()).startsWith('The organisation'), 'answers kept');
  // The name is asked first.
  await sp.getByRole('button', { name: 'Download the hand-in for your teacher (JSON)' }).click();
  await sp.getByRole('alert').filter({ hasText: 'Write your name first' }).waitFor();
  assert.equal(await sp.evaluate(() => document.activeElement.id), 'student-name');
  await sp.getByLabel('Your name').fill('Ana Lima');
  const json = await download(sp, 'Download the hand-in for your teacher (JSON)');
  const handIn = JSON.parse(json.text);
  assert.match(json.name, /^hand-in-[a-z0-9-]+-v1-Ana-Lima\.json$/);
  assert.equal(handIn.schema, 'ashraf3-companion/hand-in');
  assert.equal(handIn.assignment.version, 1);
  assert.equal(handIn.assignment.title, 'Week 3: who counts the residents?');
  assert.equal(handIn.student, 'Ana Lima');
  assert.deepEqual(handIn.answers.map((a) => [a.question, a.estimate]), [['residents-estimate', 2500], ['who-wrote', null], ['own-c1', null]]);
  const md = await download(sp, 'Download as Markdown');
  assert.match(md.text, /^# Week 3: who counts the residents\? \(version 1\), handed in by Ana Lima\n/);
  assert.match(md.text, /### Which source would you quote on the raid, and why\?\n\n\[The question\]\(http:\/\/127\.0\.0\.1:\d+\/courses\/unit-3\/companion\/assignment\/\?a=1\./);
  assert.match(md.text, /Estimate: 2500/);

  // The teacher reviews it beside Ben's (missing an answer) and one for another assignment.
  const ben = { ...handIn, student: 'Ben Okafor', exported: handIn.exported + 1, answers: handIn.answers.map((a, i) => (i === 1 ? { ...a, text: '' } : { ...a, text: `Ben: ${a.question}` })) };
  const other = { ...handIn, student: 'Cy', assignment: { id: 'other-1', version: 1, title: 'Week 9' } };
  const rp = await openLink(teacher, edit);
  await rp.getByText(/Editing “Week 3: who counts the residents\?”, version 1/).waitFor();
  // Nothing is kept unless asked for.
  assert.deepEqual(await rp.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('review'))), []);
  await rp.getByLabel(/Open hand-in files/).setInputFiles([
    { name: json.name, mimeType: 'application/json', buffer: Buffer.from(json.text) },
    { name: 'ben.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(ben)) },
    { name: 'cy.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(other)) },
  ]);
  await rp.getByRole('status').filter({ hasText: /3 files read in \d+ ms: 2 students in the table, 1 files set aside/ }).waitFor();
  const table = rp.getByRole('table', { name: '2 hand-ins, one row per student' });
  const rows = table.getByRole('rowheader');
  assert.deepEqual(await rows.allTextContents(), ['Ana Lima', 'Ben Okafor (1 missing)']);
  assert.deepEqual(await table.getByRole('columnheader').allTextContents(), [
    'Student ▲',
    `Question 1${await sp.getByRole('article', { name: 'Question 1' }).locator('.prompt').textContent()}`,
    `Question 2${await sp.getByRole('article', { name: 'Question 2' }).locator('.prompt').textContent()}`,
    `Question 3${OWN}`,
    'Notes',
  ]);
  const benRow = table.getByRole('row').filter({ has: rp.getByRole('rowheader', { name: /Ben Okafor/ }) });
  assert.equal(await benRow.getByRole('cell').nth(1).textContent(), 'No answer');
  const anaRow = table.getByRole('row').filter({ has: rp.getByRole('rowheader', { name: 'Ana Lima' }) });
  assert.equal(await anaRow.getByRole('cell').nth(0).textContent(), 'Estimate: 2,500Around 2,500, as the camp is large.');
  const aside = rp.getByRole('region', { name: /Set aside \(1\)/ });
  assert.match(await aside.textContent(), /cy\.json: For another assignment \(“Week 9”\), not “Week 3/);
  // Sorted by name, both ways.
  await table.getByRole('button', { name: 'Student' }).click();
  assert.deepEqual(await rows.allTextContents(), ['Ben Okafor (1 missing)', 'Ana Lima']);
  assert.equal(await table.getByRole('columnheader').first().getAttribute('aria-sort'), 'descending');
  // One question, every student's answer together.
  await rp.getByLabel('Show', { exact: true }).selectOption({ label: `Question 3: ${OWN}` });
  const one = rp.getByRole('region', { name: 'Question 3' });
  await one.waitFor();
  assert.match(await one.textContent(), /2 of 2 students answered\..*Ben Okafor.*Ben: own-c1.*Ana Lima.*=SUM\(1\)/s);
  await rp.getByLabel('Show', { exact: true }).selectOption({ index: 0 });
  // CSV: quoted, and formulas defused.
  const csv = await download(rp, 'Export the table as CSV');
  const lines = csv.text.split('\r\n');
  assert.match(lines[0], /^Student,"?Q1: .*,Q1 estimate,"?Q2: .*,"Q3: Which source would you quote on the raid, and why\?",Notes$/);
  assert.equal(lines[1], 'Ana Lima,"Around 2,500, as the camp is large.",2500,The organisation’s own sites wrote three of them.,"\'=SUM(1) The encyclopedia, because it cites, ""mostly"".",');
  assert.match(lines[2], /^Ben Okafor,Ben: residents-estimate,2500,,Ben: own-c1,$/);
  // Closing the tab forgets the review; keeping it brings it back.
  await rp.reload();
  await app.ready(rp);
  assert.equal(await rp.getByRole('table').count(), 0, 'nothing kept unless asked');
  await rp.getByLabel(/Open hand-in files/).setInputFiles([{ name: 'ben.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(ben)) }]);
  await rp.getByRole('button', { name: 'Keep this review in this browser' }).click();
  await rp.reload();
  await app.ready(rp);
  await rp.getByRole('status').filter({ hasText: 'The review kept in this browser is open again (1 files).' }).waitFor();
  await rp.getByRole('button', { name: 'Clear the review' }).click();
  assert.deepEqual(await rp.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('review'))), []);
  await teacher.close();
  await student.close();
  app.assertClean();
});

test('two assignments in one browser keep their answers apart; an edit keeps the id and raises the version', async () => {
  const context = await app.newContext();
  const tp = await app.open('teacher/', { context });
  const first = await compose(tp, 'First');
  const tp2 = await app.open('teacher/', { context });
  const second = await compose(tp2, 'Second');
  const a = await openLink(context, first.link);
  await a.getByLabel('Your answer to question 2').fill('For the first');
  const b = await openLink(context, second.link);
  assert.equal(await b.getByLabel('Your answer to question 2').inputValue(), '');
  await b.getByLabel('Your answer to question 2').fill('For the second');
  await a.reload();
  await app.ready(a);
  await waitUntil(async () => (await a.getByLabel('Your answer to question 2').inputValue()) === 'For the first', 'the first keeps its own');
  // Editing: the same id, the next version, the answers still there.
  const ed = await openLink(context, first.edit);
  await ed.getByLabel('Title').fill('First, corrected');
  const edited = await ed.getByLabel('The assignment’s link, for students').inputValue();
  const id = (l) => JSON.parse(Buffer.from(new URL(l).searchParams.get('a').split('.')[1], 'base64url')).i;
  assert.equal(id(edited), id(first.link));
  const c = await openLink(context, edited);
  await c.getByRole('heading', { level: 1, name: 'First, corrected' }).waitFor();
  assert.match(await c.locator('.assignment-meta').textContent(), /version 2/);
  await waitUntil(async () => (await c.getByLabel('Your answer to question 2').inputValue()) === 'For the first', 'the edited version keeps the answers');
  await context.close();
  app.assertClean();
});

test('a cut, edited or over-long assignment link gets a clear message; so does an over-long assignment', async () => {
  const context = await app.newContext();
  const tp = await app.open('teacher/', { context });
  const { link, edit } = await compose(tp);
  const code = new URL(link).searchParams.get('a');
  const cases = [
    [link.slice(0, link.length - 30), /damaged: it was cut short or changed by hand/],
    [link.replace(code, `${code.slice(0, 5)}${code[5] === 'A' ? 'B' : 'A'}${code.slice(6)}`), /damaged: it was cut short or changed by hand/],
    [`${link}${'x'.repeat(6000)}`, /too long \(\d+ characters; at most 6000\)/],
    [link.replace('?a=1.', '?a=7.'), /format this companion does not know/],
    [link.replace(`?a=${code}`, '?a='), /holds no assignment/],
  ];
  for (const [url, message] of cases) {
    const page = await openLink(context, url);
    await page.getByRole('alert').filter({ hasText: message }).waitFor();
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Assignment');
    await page.close();
  }
  const broken = await openLink(context, edit.slice(0, -3));
  await broken.getByRole('alert').filter({ hasText: /damaged.*A new assignment is started below instead\./ }).waitFor();
  // The composer refuses what a link cannot carry, and says so as it is typed.
  await tp.getByLabel('Instructions').fill('Read carefully. '.repeat(400));
  await tp.getByText(/This assignment is too long for a link/).waitFor();
  assert.match(await tp.locator('#link-size').textContent(), /^\d+ of 6000 characters: too long by \d+\.$/);
  assert.equal(await tp.getByLabel('The assignment’s link, for students').count(), 0);
  await context.close();
  app.assertClean();
});

test('malformed, duplicated, other-version and foreign files are set aside with their reason; 200 at once stay responsive', async () => {
  const context = await app.newContext();
  const tp = await app.open('teacher/', { context });
  const { edit } = await compose(tp);
  const id = JSON.parse(Buffer.from(new URL(edit).searchParams.get('a').split('.')[1], 'base64url')).i;
  const handIn = (student, version = 1) => ({
    schema: 'ashraf3-companion/hand-in',
    version: 1,
    assignment: { id, version, title: 'Week 3: who counts the residents?' },
    student,
    exported: 1,
    answers: [{ question: 'own-c1', prompt: OWN, text: `Answer of ${student}`, estimate: null }],
    notes: [],
  });
  const file = (name, body) => ({ name, mimeType: 'application/json', buffer: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)) });
  const rp = await openLink(context, edit);
  // Dropped on the page, as from a folder of downloaded submissions.
  await drop(rp, [
    file('dee.json', handIn('Dee')),
    file('dee-again.json', handIn('Dee')),
    file('old.json', handIn('Eve', 7)),
    file('broken.json', '{"schema": "ashraf3-companion/hand-in", "vers'),
    file('notes.json', { schema: 'ashraf3-companion/notes', version: 1, notes: [], answers: [] }),
    file('nameless.json', handIn('  ')),
  ]);
  const aside = rp.getByRole('region', { name: /Set aside \(5\)/ });
  await aside.waitFor();
  const text = await aside.textContent();
  assert.match(text, /dee-again\.json: The same hand-in as dee\.json\./);
  assert.match(text, /old\.json: For version 7 of this assignment; this review is of version 1\./);
  assert.match(text, /broken\.json: Not read: it is not a JSON file\./);
  assert.match(text, /notes\.json: Not read: it is an export of My notes, not a hand-in/);
  assert.match(text, /nameless\.json: Not read: it does not name the student\./);
  assert.deepEqual(await rp.getByRole('rowheader').allTextContents(), ['Dee (2 missing)']);
  // Without the teacher's link, the first hand-in read decides the assignment, and says so.
  const bare = await app.open('teacher/', { context });
  await bare.getByText(/without one, the first hand-in read decides/).waitFor();
  await bare.getByLabel(/Open hand-in files/).setInputFiles([file('eve.json', handIn('Eve', 7)), file('dee.json', handIn('Dee'))]);
  await bare.getByRole('region', { name: /Set aside \(1\)/ }).filter({ hasText: 'dee.json: For version 1 of this assignment; this review is of version 7.' }).waitFor();
  assert.deepEqual(await bare.getByRole('rowheader').allTextContents(), ['Eve']);
  await bare.close();
  // 200 hand-ins at once: read and shown while the page keeps answering.
  await rp.getByRole('button', { name: 'Clear the review' }).click();
  const many = Array.from({ length: 200 }, (_, i) => file(`s${i}.json`, handIn(`Student ${String(i).padStart(3, '0')}`)));
  await rp.getByLabel(/Open hand-in files/).setInputFiles(many);
  await rp.getByRole('status').filter({ hasText: /200 files read in \d+ ms: 200 students in the table/ }).waitFor({ timeout: 30000 });
  await rp.getByRole('table').getByRole('button', { name: 'Student' }).click();
  assert.equal(await rp.getByRole('rowheader').first().textContent(), 'Student 199 (2 missing)');
  await context.close();
  app.assertClean();
});

for (const scheme of ['light', 'dark']) test(`the composer and the review table are named for screen readers and pass axe (${scheme})`, async () => {
  const context = await app.newContext({ bypassCSP: true, colorScheme: scheme });
  const tp = await app.open('teacher/', { context });
  const { link } = await compose(tp);
  for (const name of ['Move question 1 down', 'Move question 3 up', 'Remove question 2', 'Copy the link', 'Copy the embed code']) {
    await tp.getByRole('button', { name }).waitFor();
  }
  for (const label of ['Title', 'Instructions', 'A guided question', 'Your question', 'Link it to']) {
    assert.equal(await tp.getByLabel(label, { exact: true }).count(), 1, label);
  }
  const student = await openLink(context, link);
  await student.getByLabel('Your name').fill('Zoe');
  const json = await download(student, 'Download the hand-in for your teacher (JSON)');
  await tp.getByLabel(/Open hand-in files/).setInputFiles([{ name: json.name, mimeType: 'application/json', buffer: Buffer.from(json.text) }]);
  await tp.getByRole('table', { name: '1 hand-ins, one row per student' }).waitFor();
  await tp.getByRole('region', { name: '1 hand-ins, one row per student' }).waitFor();
  for (const page of [tp, student]) {
    await page.addScriptTag({ path: AXE });
    const result = await page.evaluate(() =>
      // eslint-disable-next-line no-undef
      axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }),
    );
    assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);
  }
  await context.close();
  app.assertClean();
});

test('the embed code works in a course page: the student answers and hands in inside the frame', async () => {
  const context = await app.newContext();
  const tp = await app.open('teacher/', { context });
  await compose(tp, 'Embedded week');
  coursePage = await tp.getByLabel('To embed it in a course page').inputValue();
  assert.match(coursePage, /sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-downloads allow-modals"/);
  const page = await context.newPage();
  await page.goto(new URL('/course/week-3/', app.url).href);
  const frame = page.frameLocator('iframe[title="Embedded week"]');
  await frame.getByRole('heading', { level: 1, name: 'Embedded week' }).waitFor({ timeout: 15000 });
  await frame.getByLabel('Your answer to question 2').fill('Answered inside the course page');
  await frame.getByLabel('Your name').fill('Fay');
  // A sandboxed frame may download only with allow-downloads.
  const [file] = await Promise.all([page.waitForEvent('download'), frame.getByRole('button', { name: 'Download the hand-in for your teacher (JSON)' }).click()]);
  const handIn = JSON.parse(await readFile(await file.path(), 'utf8'));
  assert.equal(handIn.student, 'Fay');
  assert.equal(handIn.answers[1].text, 'Answered inside the course page');
  await context.close();
  app.assertClean();
});

test('printing the hand-in asks for the name, then prints the answers without the page’s buttons', async () => {
  const context = await app.newContext();
  await context.addInitScript(() => {
    window.__printed = 0;
    window.print = () => window.__printed++;
  });
  const tp = await app.open('teacher/', { context });
  const { link } = await compose(tp, 'On paper');
  const sp = await openLink(context, link);
  await sp.getByLabel('Your answer to question 2').fill('Written for the paper copy');
  await sp.getByRole('button', { name: 'Print' }).click();
  await sp.getByRole('alert').filter({ hasText: 'Write your name first' }).waitFor();
  assert.equal(await sp.evaluate(() => window.__printed), 0);
  await sp.getByLabel('Your name').fill('Gil');
  await sp.getByRole('button', { name: 'Print' }).click();
  assert.equal(await sp.evaluate(() => window.__printed), 1);
  await sp.emulateMedia({ media: 'print' });
  assert.equal(await sp.getByRole('button', { name: 'Print' }).isVisible(), false);
  assert.equal(await sp.getByRole('navigation', { name: 'Main' }).isVisible(), false);
  assert.ok(await sp.getByRole('heading', { level: 1, name: 'On paper' }).isVisible());
  assert.ok(await sp.getByLabel('Your answer to question 2').isVisible());
  assert.equal(await sp.getByLabel('Your name').inputValue(), 'Gil');
  assert.ok(await sp.getByLabel('Your name').isVisible());
  await context.close();
  app.assertClean();
});

test('a question’s links are picked from the list of each kind, and each link is what its lists show', async () => {
  const tp = await app.open('teacher/');
  await tp.getByLabel('Title').fill('Every kind of link');
  await tp.getByLabel('Your question', { exact: true }).fill('Picked from every list');
  const kind = tp.getByLabel('Link it to');
  const list = (label) => tp.getByLabel(label, { exact: true });
  const shown = (label) => list(label).locator('option:checked').textContent();
  const added = tp.getByRole('list', { name: 'Links of your question' }).locator(':scope > li');
  const add = async (expected) => {
    await tp.getByRole('button', { name: 'Add the link' }).click();
    await waitUntil(async () => ((await added.last().textContent()) ?? '').startsWith(expected), `the link “${expected}”`);
  };
  // Only the lists the kind uses are shown.
  await kind.selectOption('claim');
  assert.deepEqual(await Promise.all(['Document', 'Paragraph', 'Beside', 'Claim', 'Quantity'].map((l) => list(l).isVisible())), [false, false, false, true, false]);
  await list('Claim').selectOption({ index: 2 });
  await add(`Claim: ${await shown('Claim')}`);
  await kind.selectOption('passage');
  await list('Document').selectOption('lends-hope');
  await list('Paragraph').selectOption('p3');
  await add(`${await shown('Document')}, paragraph p3`);
  // Another document: its own paragraphs, and the link is to the one its list shows.
  const paragraphs = () => list('Paragraph').locator('option').allTextContents();
  const before = (await paragraphs()).join('\n');
  await list('Document').selectOption('home-to-mek');
  await waitUntil(async () => (await paragraphs()).join('\n') !== before, 'the paragraphs follow the document');
  const paragraph = await list('Paragraph').inputValue();
  await add(`${await shown('Document')}, paragraph ${paragraph}`);
  await kind.selectOption('compare');
  await list('Document').selectOption('encyclopedia-earlier');
  await list('Beside').selectOption('encyclopedia-later');
  await add(`${await shown('Document')} beside ${await shown('Beside')}`);
  await kind.selectOption('quantity');
  await list('Quantity').selectOption({ index: 1 });
  await add(`Figures: ${await shown('Quantity')}`);
  await kind.selectOption('document');
  await add(await shown('Document'));
  await tp.getByRole('button', { name: 'Add your question' }).click();
  const student = await app.open(await tp.getByLabel('The assignment’s link, for students').inputValue());
  const links = student.getByRole('list', { name: 'Sources for question 1' }).getByRole('link');
  await links.first().waitFor();
  const hrefs = (await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).map((h) => h.replace(/^.*?(?=(claims?|read|compare|figures)\/)/, ''));
  assert.equal(hrefs.length, 6, hrefs.join(' '));
  assert.match(hrefs[1], /^read\/lends-hope\/#p3$/);
  assert.equal(hrefs[2], `read/home-to-mek/#${paragraph}`);
  assert.match(hrefs[3], /^compare\/encyclopedia-earlier\/encyclopedia-later\/$/);
  assert.match(hrefs[5], /^read\/encyclopedia-earlier\/$/);
  await tp.context().close();
  await student.context().close();
  app.assertClean();
});
