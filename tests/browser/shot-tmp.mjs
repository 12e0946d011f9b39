import { startApp } from './harness.mjs';
const app = await startApp({});
const views = [['lib',''],['read','?view=read&doc=home-to-mek'],['cmp','?view=compare&a=encyclopedia-earlier&b=encyclopedia-later'],['fig','?view=figures&quantity=' + process.argv[2]],['figs','?view=figures'],['glo','?view=glossary'],['search','?view=search&q=troll']];
for (const [w,h,tag] of [[1280,900,'d'],[390,800,'m']]) {
  const context = await app.newContext({ viewport: { width: w, height: h }, colorScheme: tag==='m'?'dark':'light' });
  const page = await context.newPage();
  for (const [n,p] of views) { await page.goto(new URL(p, app.url).href); await page.waitForSelector('main h1'); await page.waitForTimeout(150); await page.screenshot({ path: `/tmp/shot-${n}-${tag}.png` }); }
  await context.close();
}
await app.close();
