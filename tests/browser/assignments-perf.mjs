// Benchmark for the teacher's review (issue 32): the time to open 200 hand-ins at once (from
// the file input to the table drawn, as the page measures it and as the test sees it), to sort
// them and to switch to one question, and how long the page's main thread was blocked meanwhile.
// Prints figures; it never fails on timings. `node assignments-perf.mjs` against dist/.
import { startApp } from './harness.mjs';

const COUNT = Number(process.env.HAND_INS ?? 200);
const RUNS = 3;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const app = await startApp();
try {
  const page = await app.open('teacher/');
  await page.getByLabel('Title').fill('Benchmark');
  for (const id of ['who-wrote', 'residents-estimate', 'for-whom']) {
    await page.getByLabel('A guided question').selectOption(id);
    await page.getByRole('button', { name: 'Add the guided question' }).click();
  }
  const edit = await page.getByLabel(/Keep this link to edit the assignment/).inputValue();
  const code = new URL(edit).searchParams.get('a');
  const id = JSON.parse(Buffer.from(code.split('.')[1], 'base64url')).i;
  const words = 'The source states this figure without naming where it comes from, so I would not quote it alone. '.repeat(6);
  const files = Array.from({ length: COUNT }, (_, i) => ({
    name: `s${i}.json`,
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({
      schema: 'ashraf3-companion/hand-in',
      version: 1,
      assignment: { id, version: 1, title: 'Benchmark' },
      student: `Student ${i}`,
      exported: i,
      answers: ['who-wrote', 'residents-estimate', 'for-whom'].map((q, n) => ({ question: q, prompt: q, text: i % 7 === n ? '' : words, estimate: n === 1 ? 1000 + i : null })),
      notes: Array.from({ length: 5 }, (_, k) => ({ id: `n-${k}`, anchor: { doc: 'lends-hope', block: 'p3', quote: 'a quote' }, text: words, created: 1, updated: 1 })),
    })),
  }));
  const bytes = files.reduce((n, f) => n + f.buffer.length, 0);
  const open = [], said = [], sort = [], focus = [], blocked = [], blockedAfter = [];
  for (let run = 0; run < RUNS; run++) {
    const rp = await app.open(`teacher/?a=${code}`);
    await rp.evaluate(() => {
      window.__longest = 0;
      new PerformanceObserver((list) => list.getEntries().forEach((e) => (window.__longest = Math.max(window.__longest, e.duration)))).observe({ type: 'longtask' });
    });
    const t0 = Date.now();
    await rp.getByLabel(/Open hand-in files/).setInputFiles(files);
    const status = rp.getByRole('status').filter({ hasText: new RegExp(`${COUNT} files read in (\\d+) ms`) });
    await status.waitFor({ timeout: 60000 });
    await rp.waitForFunction((n) => document.querySelectorAll('tbody th[scope=row]').length === n, COUNT, { timeout: 60000 });
    open.push(Date.now() - t0);
    blocked.push(Math.round(await rp.evaluate(() => window.__longest)));
    await rp.evaluate(() => (window.__longest = 0));
    said.push(Number((await status.textContent()).match(/read in (\d+) ms/)[1]));
    const t1 = Date.now();
    await rp.getByRole('table').getByRole('button', { name: 'Student' }).click();
    await rp.getByRole('rowheader').first().filter({ hasText: `Student 99` }).waitFor();
    sort.push(Date.now() - t1);
    const t2 = Date.now();
    await rp.getByLabel('Show', { exact: true }).selectOption({ index: 1 });
    await rp.getByRole('region', { name: 'Question 1' }).waitFor();
    focus.push(Date.now() - t2);
    blockedAfter.push(Math.round(await rp.evaluate(() => window.__longest)));
    await rp.close();
  }
  console.log(`${COUNT} hand-ins (${(bytes / 1024).toFixed(0)} KiB), median of ${RUNS} runs on this machine:`);
  console.log(`  open, from the file input to every row drawn (as the test sees it): ${median(open)} ms  [${open.join(', ')}]`);
  console.log(`  files read and checked, as the page reports it:                 ${median(said)} ms  [${said.join(', ')}]`);
  console.log(`  sort by name:                                                  ${median(sort)} ms  [${sort.join(', ')}]`);
  console.log(`  one question, every student:                                   ${median(focus)} ms  [${focus.join(', ')}]`);
  console.log(`  longest main-thread task while opening:                        ${median(blocked)} ms  [${blocked.join(', ')}]`);
  console.log(`  longest main-thread task while sorting and showing one question: ${median(blockedAfter)} ms  [${blockedAfter.join(', ')}]`);
  app.assertClean();
} finally {
  await app.close();
}
