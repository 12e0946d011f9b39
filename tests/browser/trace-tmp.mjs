import { startApp } from './harness.mjs';
const app = await startApp({ root: '/tmp/distn' });
const total = new Map();
for (let run = 0; run < 3; run++) {
const context = await app.newContext();
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
await page.goto(new URL(process.argv[2], app.url).href);
await page.waitForSelector(process.argv[3]);
const { profile } = await cdp.send('Profiler.stop');
const byId = new Map(profile.nodes.map(n=>[n.id,n])); const parent = new Map();
for (const n of profile.nodes) for (const c of n.children||[]) parent.set(c, n.id);
profile.samples.forEach((id,i)=>{ let seen=new Set(); for (let x=id; x!==undefined; x=parent.get(x)) { const f=byId.get(x).callFrame.functionName; if (seen.has(f)) continue; seen.add(f); total.set(f,(total.get(f)||0)+(profile.timeDeltas[i]||0)); } });
await context.close();
}
console.log([...total.entries()].sort((a,b)=>b[1]-a[1]).slice(0,45).map(([k,v])=>(v/3000).toFixed(1)+'ms '+k.slice(0,140)).join('\n'));
await app.close();
