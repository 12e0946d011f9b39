// The app takes over the page written at build time without a visible change (issue 13): it
// hydrates that page, keeping the very nodes the student was already reading, and its first
// render of a view, for a first visit, is that page element for element, attribute for
// attribute, with the same boxes ticked and the same sections open. Where the two differ,
// hydration fails (the app stops with a console error), the page jumps when the app arrives, or
// the page written at build time says something untrue until then (and for good, without it).
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { after, before, test } from 'node:test';
import { DIST, holdWasm, startApp } from './harness.mjs';

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

/** Every page of the build, as its URL relative to the root ("read/lends-hope/"). */
function pages(dir = DIST) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return pages(path);
    return name === 'index.html' ? [relative(DIST, dir).split('\\').join('/').replace(/(.)$/, '$1/')] : [];
  });
}

/** The body as a reader meets it: elements, sorted attributes, the state of boxes and sections,
 * and the text without its whitespace (the renderer and the browser split text nodes
 * differently). The notes on what needs the app are hidden while it starts, so they are left out. */
function rendered() {
  const ser = (n) => {
    if (n.nodeType === Node.TEXT_NODE) return n.data;
    if (n.nodeType !== Node.ELEMENT_NODE || n.classList.contains('needs-app')) return '';
    const attrs = [...n.attributes]
      .filter((a) => !(a.name === 'class' && a.value === ''))
      .map((a) => `${a.name}="${a.value}"`)
      .sort()
      .join(' ');
    const state = n.tagName === 'INPUT' ? ` [checked=${n.checked} value=${n.value}]` : n.tagName === 'DETAILS' ? ` [open=${n.open}]` : '';
    const tag = n.tagName.toLowerCase();
    return `<${tag} ${attrs}${state}>${[...n.childNodes].map(ser).join('')}</${tag}>`;
  };
  return [...document.body.children].filter((e) => e.tagName !== 'SCRIPT').map(ser).join('').replace(/\s+/g, '');
}

test('on every page, the app hydrates the page written at build time and changes nothing in it', async () => {
  const all = pages();
  assert.ok(all.length > 90, `the build's pages (${all.length})`);
  const differ = [];
  for (const path of all) {
    // A first visit each time: no offline copy that would hand over the wasm at once.
    const context = await app.newContext();
    const page = await context.newPage();
    // The page as written, before the app: its wasm waits until the page has been read.
    const release = await holdWasm(page);
    await page.goto(new URL(path, app.url).href);
    const written = await page.evaluate(rendered);
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains('app')), false, `${path}: read before the app`);
    // Marks the page's nodes: a render of its own would replace them.
    await page.evaluate(() => document.querySelectorAll('main *').forEach((n) => (n.__written = true)));
    release();
    await app.ready(page);
    const shown = await page.evaluate(rendered);
    const replaced = await page.evaluate(() => [...document.querySelectorAll('main *')].filter((n) => !n.__written).length);
    if (replaced > 0) differ.push(`${path}: ${replaced} elements in <main> are the app's own, not the page's`);
    if (written !== shown) {
      let i = 0;
      while (written[i] === shown[i]) i++;
      differ.push(`${path}: written …${written.slice(Math.max(0, i - 80), i + 80)}…\n   the app …${shown.slice(Math.max(0, i - 80), i + 80)}…`);
    }
    await context.close();
  }
  assert.deepEqual(differ, [], 'pages the app did not hydrate as they were written');
  app.assertClean();
});
