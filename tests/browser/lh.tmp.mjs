import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { startServer } from './server.mjs';
const srv = await startServer({ root: process.argv[2], base: '/courses/unit-3/companion/' });
const chrome = await chromeLauncher.launch({ chromePath: '/usr/bin/chromium', chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
for (let i = 0; i < +(process.argv[4] ?? 3); i++) {
  const r = await lighthouse(new URL(process.argv[3], srv.url).href, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
  const m = (id) => Math.round(r.lhr.audits[id]?.numericValue * 1000) / 1000;
  const el = r.lhr.audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node?.snippet ?? JSON.stringify(r.lhr.audits['largest-contentful-paint-element']?.details?.items?.[0]).slice(0,200); console.log(JSON.stringify((r.lhr.audits['long-tasks']?.details?.items ?? []).map((t) => [t.url.split('/').pop().slice(0,30), Math.round(t.startTime), Math.round(t.duration)]))); console.log(Math.round(r.lhr.categories.performance.score * 100), 'LCP', m('largest-contentful-paint'), 'CLS', m('cumulative-layout-shift'), 'TBT', m('total-blocking-time'));
}
await chrome.kill(); await srv.close();
