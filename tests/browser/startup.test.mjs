// Never a blank page (issue 12): when the app cannot start (its .wasm blocked by a filter, a
// host that rewrites the security policy, JavaScript off), index.html itself says what
// happened and what to do; when it starts, that message is gone. A panic opens one modal
// dialog over the stopped page, with "Reload" and "Back to the library".
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { BASE_PATH, DIST, startApp, TEST_DIST, waitUntil } from './harness.mjs';

// A host that rewrites the page's security policy without 'wasm-unsafe-eval' (asked for with
// ?strict=1, which the app itself ignores).
function strictHost(req, res, path) {
  if (path !== BASE_PATH || !req.url.includes('strict=1')) return false;
  const html = readFileSync(join(DIST, 'index.html'), 'utf8').replace(" 'wasm-unsafe-eval'", '');
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(html);
  return true;
}

let app;
before(async () => {
  app = await startApp({ server: { extra: strictHost } });
});
after(async () => {
  await app?.close();
});

const help = (page) => page.getByRole('heading', { level: 2, name: 'If this message stays' });

/** Opens `path` in a fresh context (reduced motion: the help shows without its delay). */
async function openUnstarted(path, options = {}, prepare = async () => {}) {
  const context = await app.newContext({ reducedMotion: 'reduce', ...options });
  const page = await context.newPage();
  await prepare(page);
  await page.goto(new URL(path, app.url).href);
  return page;
}

test('when the wasm is blocked, the page explains what to do', async () => {
  const page = await openUnstarted('?view=read&doc=lends-hope', {}, (p) => p.route('**/*.wasm', (r) => r.abort('blockedbyclient')));
  await help(page).waitFor();
  assert.ok(await page.getByRole('heading', { level: 1, name: 'Ashraf 3 reading companion' }).isVisible());
  assert.ok(await page.getByText(/a filter may block the app’s files/).isVisible());
  await page.context().close();
  assert.ok(app.takeProblems().length > 0, 'the blocked file was logged');
});

test('when the host’s security policy forbids WebAssembly, the page explains what to do', async () => {
  const page = await openUnstarted('?strict=1');
  await help(page).waitFor();
  assert.equal(await page.locator('main#main').count(), 0, 'the app did not start');
  await page.context().close();
  assert.ok(app.takeProblems().some((p) => /WebAssembly|wasm|Content Security Policy/i.test(p)), 'the refusal was logged');
});

test('with JavaScript off, the page says it needs JavaScript', async () => {
  const page = await openUnstarted('', { javaScriptEnabled: false });
  // Playwright's text and role engines skip <noscript>: look at the element itself.
  const problem = page.locator('main .boot-problem');
  assert.ok(await problem.isVisible());
  assert.match(await problem.textContent(), /needs JavaScript, which is turned off or blocked in this browser/);
  await page.context().close();
  app.assertClean();
});

test('once the app starts, the start-up message is gone', async () => {
  const page = await app.open('?view=glossary');
  assert.equal(await page.locator('#boot').count(), 0);
  assert.equal(await help(page).count(), 0);
  assert.equal(await page.getByRole('main').count(), 1, 'one main landmark');
  app.assertClean();
});

test('a panic opens one modal dialog over the stopped page, with a way back', async () => {
  const hooks = await startApp({ root: TEST_DIST });
  try {
    const page = await hooks.open('?view=glossary&debug=panic');
    const dialog = page.getByRole('dialog', { name: 'Something went wrong' });
    await dialog.waitFor();
    assert.ok(await dialog.evaluate((d) => d.matches(':modal')), 'modal: the page behind is inert');
    await waitUntil(() => hooks.problems().filter((p) => p.includes('deliberate')).length >= 2, 'both deliberate panics were logged');
    assert.equal(await page.locator('dialog').count(), 1, 'one message, however many panics');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Reload');
    await page.keyboard.press('Escape');
    assert.ok(await dialog.isVisible(), 'Escape does not leave the dead page in front');
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      // Focus may leave for the browser's own controls, never for the page behind.
      const where = await page.evaluate(() => (document.activeElement === document.body ? 'body' : !!document.activeElement.closest('dialog')));
      assert.ok(where === 'body' || where === true, 'focus never reaches the inert page');
    }
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Back to the library' }).click()]);
    await hooks.ready(page);
    assert.equal(await page.locator('main h1').textContent(), 'Library');
    assert.equal(new URL(page.url()).search, '', 'the library, without the panic');
    assert.equal(await page.locator('dialog').count(), 0);
    hooks.takeProblems();
  } finally {
    await hooks.close();
  }
});

test('the published build has no test hooks', async () => {
  const page = await app.open('?view=glossary&debug=panic');
  await page.waitForTimeout(500);
  assert.equal(await page.getByRole('dialog').count(), 0);
  app.assertClean();
});
