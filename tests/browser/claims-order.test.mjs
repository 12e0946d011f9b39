// An order the claims cannot take (issue 28): like an unknown topic, the claims page stays,
// in the usual order, with a notice; never "Not found". In a link of an earlier version too.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startApp } from './harness.mjs';

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

test('an unknown order keeps the claims page, with a notice', async () => {
  for (const path of ['claims/?sort=bogus', '?view=claims&sort=bogus']) {
    const page = await app.open(path);
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Claims against sources', path);
    await page.getByRole('alert').filter({ hasText: 'The claims cannot be sorted by “bogus”' }).waitFor();
    assert.match(await page.getByRole('status').textContent(), /^(\d+) of \1 claims shown/, `${path}: every claim is shown`);
    assert.equal(await page.getByLabel('Topic', { exact: true }).isVisible(), true, `${path}: the filters stay usable`);
    await page.close();
  }
  app.assertClean();
});
