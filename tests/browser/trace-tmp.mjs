import { startApp } from './harness.mjs';
const app = await startApp({ root: '/tmp/distn' });
const incl = new Map(); const RUNS=4; const depth = +process.argv[4] || 4;
for (let run = 0; run < RUNS; run++) {
const context = await app.newContext();
const page = await context.newPage();
page.on('console', m => run===0 && console.log('console:', m.text().slice(0,200)));
const cdp = await context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
await page.goto(new URL(process.argv[2], app.url).href);
await page.waitForSelector(process.argv[3], { timeout: 20000 });
const { profile } = await cdp.send('Profiler.stop');
const byId = new Map(profile.nodes.map(n=>[n.id,n])); const parent = new Map();
for (const n of profile.nodes) for (const c of n.children||[]) parent.set(c, n.id);
const short = f => { let s=f.replace(/::h[0-9a-f]{16}/g,''); for (let i=0;i<5;i++) s=s.replace(/<[^<>]*>/g,''); return s.slice(0,90); };
profile.samples.forEach((id,i)=>{ const path=[]; for (let x=id; x!==undefined; x=parent.get(x)) path.unshift(short(byId.get(x).callFrame.functionName)||'(anon)');
  const k = path.indexOf('main'); const key = k<0 ? 'NOT-MAIN '+path.slice(-2).join(' > ') : path.slice(k, k+depth).join(' > ');
  incl.set(key,(incl.get(key)||0)+(profile.timeDeltas[i]||0)); });
await context.close();
}
console.log([...incl.entries()].sort((a,b)=>b[1]-a[1]).slice(0,40).map(([k,v])=>(v/1000/RUNS).toFixed(1)+'ms '+k).join('\n'));
await app.close();
