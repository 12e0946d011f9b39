// The added sources' worker's alignment time (issue 31), for perf.mjs: a 5,000-word added
// source (the other documents' passages, every seventh word changed, as the host benchmark
// tests/benches/added.rs makes it) aligned and diffed against the longest bundled document,
// timed in the page from the request to the answer, with the CPU 4x slower (the slow profile).
const WORDS = 5000;
const LONGEST = 'home-to-mek';
const OTHERS = ['lends-hope', 'ncri-report', 'encyclopedia-earlier', 'encyclopedia-later'];

const passagesOf = (page) => page.locator('main .text p[data-block]').allTextContents();

export async function workerAlignMs(app, runs = 5) {
  const context = await app.newContext();
  const page = await context.newPage();
  const bundled = [];
  const added = [];
  for (const doc of OTHERS) {
    await page.goto(new URL(`read/${doc}/`, app.url).href);
    await app.ready(page);
    added.push(...(await passagesOf(page)));
  }
  await page.goto(new URL(`read/${LONGEST}/`, app.url).href);
  await app.ready(page);
  bundled.push(...(await passagesOf(page)));
  const left = [];
  let words = 0;
  for (let round = 0; words < WORDS; round++) {
    for (const [i, p] of added.entries()) {
      if (words >= WORDS) break;
      const line = p.split(' ').map((w, n) => ((n + i + round) % 7 === 0 ? `${w}${round}` : w));
      words += line.length;
      left.push(line.join(' '));
    }
  }
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const times = await page.evaluate(
    async ({ left, right, runs }) => {
      const url = new URL(document.querySelector('script[data-worker]').dataset.worker, document.baseURI);
      const worker = new Worker(url);
      const next = () => new Promise((resolve) => worker.addEventListener('message', (e) => resolve(e.data), { once: true }));
      await next();
      const out = [];
      for (let id = 1; id <= runs; id++) {
        const t = performance.now();
        worker.postMessage(JSON.stringify({ id, ask: { compare: { left, right } } }));
        const answer = JSON.parse(await next());
        if (!answer.reply.compare) throw new Error(`the worker refused: ${JSON.stringify(answer.reply)}`);
        out.push(performance.now() - t);
      }
      worker.terminate();
      return out;
    },
    { left, right: bundled, runs },
  );
  await context.close();
  times.sort((a, b) => a - b);
  return { median_ms: times[Math.floor(times.length / 2)], runs_ms: times, words, passages: left.length, against: LONGEST, against_passages: bundled.length, budget_ms: 200 };
}
