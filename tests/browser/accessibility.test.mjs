// Accessibility gates (issue 8): axe-core on every view in light and dark mode, landmarks,
// one h1, the skip link and titles, and no sideways scrolling on a phone or at 200% zoom.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import { startApp } from './harness.mjs';
import { ALL, VIEWS } from './views.mjs';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

function report(violations) {
  return violations
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.slice(0, 3).map((n) => `    ${n.target.join(' ')}: ${n.failureSummary.split('\n')[1] ?? ''}`).join('\n')}`)
    .join('\n');
}

for (const scheme of ['light', 'dark']) {
  test(`axe-core finds no WCAG 2.2 A/AA violation on any view (${scheme})`, async () => {
    // Injecting axe is the test's own inline script: only these contexts bypass the CSP.
    const context = await app.newContext({ colorScheme: scheme, bypassCSP: true });
    const failures = [];
    for (const [name, path] of ALL) {
      const page = await app.open(path, { context });
      await page.addScriptTag({ path: AXE });
      const result = await page.evaluate(() =>
        // eslint-disable-next-line no-undef
        axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }),
      );
      if (result.violations.length) failures.push(`${name} [${scheme}]:\n${report(result.violations)}`);
      await page.close();
    }
    await context.close();
    assert.deepEqual(failures, [], failures.join('\n'));
    app.assertClean();
  });
}

test('every view has landmarks, one h1 and a title naming it', async () => {
  for (const [name, path] of VIEWS) {
    const page = await app.open(path);
    assert.equal(await page.locator('h1').count(), 1, `${name}: one h1`);
    assert.equal(await page.getByRole('main').count(), 1, `${name}: main`);
    assert.equal(await page.getByRole('banner').count(), 1, `${name}: banner`);
    assert.equal(await page.getByRole('contentinfo').count(), 1, `${name}: contentinfo`);
    assert.equal(await page.getByRole('navigation', { name: 'Main' }).count(), 1, `${name}: main navigation`);
    assert.match(await page.title(), / · Ashraf 3 reading companion$/, name);
    await page.getByRole('link', { name: 'Skip to content' }).focus();
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'main', `${name}: the skip link moves focus to main`);
    await page.close();
  }
  app.assertClean();
});

test('no view scrolls sideways on a phone or at 200% zoom', async () => {
  // 390 CSS pixels is a phone; 640 is a 1280-pixel window at 200% zoom.
  for (const width of [390, 640]) {
    const context = await app.newContext({ viewport: { width, height: 800 } });
    const wide = [];
    for (const [name, path] of VIEWS) {
      const page = await app.open(path, { context });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (overflow > 0) wide.push(`${name}: ${overflow}px`);
      await page.close();
    }
    await context.close();
    assert.deepEqual(wide, [], `at ${width}px`);
  }
  app.assertClean();
});
