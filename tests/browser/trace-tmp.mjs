import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await b.newPage();
for (const f of [process.argv[2]]) {
  const bytes = [...readFileSync(f)];
  const r = await page.evaluate(async (arr) => { const u = new Uint8Array(arr); const out=[]; for (let i=0;i<5;i++){ const t=performance.now(); await WebAssembly.compile(u); out.push(Math.round(performance.now()-t)); } return out; }, bytes);
  console.log(f, r);
}
await b.close();
