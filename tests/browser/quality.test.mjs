// Quality gates (issue 8): the Content-Security-Policy of the build, no HTML from URLs, and
// the Nu HTML Checker on index.html and on every rendered view (the panic screen is in
// startup.test.mjs).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { DIST, startApp } from './harness.mjs';
import { ALL } from './views.mjs';

const require = createRequire(import.meta.url);
const VNU = join(require.resolve('vnu-jar/package.json'), '..', 'build', 'dist', 'vnu.jar');

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

test('the built index.html allows only the app’s own files and wasm compilation', () => {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)?.[1];
  assert.ok(csp, 'a CSP meta tag');
  const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
  const sources = Object.values(directives).flat();
  for (const banned of ["'unsafe-inline'", "'unsafe-eval'", '*', 'data:*', 'http:', 'https:']) {
    assert.ok(!sources.includes(banned), `the policy allows ${banned}`);
  }
  assert.deepEqual(directives['default-src'], ["'self'"]);
  assert.ok(directives['script-src'].includes("'self'") && directives['script-src'].includes("'wasm-unsafe-eval'"));
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  assert.ok(inline.length >= 1, 'Trunk’s loader is inline');
  for (const body of inline) {
    const hash = `'sha256-${createHash('sha256').update(body).digest('base64')}'`;
    assert.ok(directives['script-src'].includes(hash), `the loader's hash ${hash} is allowed`);
  }
  assert.equal(directives['script-src'].filter((s) => s.startsWith("'sha256-")).length, inline.length, 'no hash for anything else');
});

test('no view records a CSP violation, and URL text is never inserted as HTML', async () => {
  for (const [, path] of ALL) (await app.open(path)).close();
  const page = await app.open('?view=read&doc=' + encodeURIComponent('<b id=injected>x</b>'));
  assert.equal(await page.locator('#injected').count(), 0);
  assert.match(await page.locator('main').textContent(), /<b id=injected>x<\/b>/);
  app.assertClean();
});

test('the Nu HTML Checker reports no error on index.html or on any rendered view', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'companion-vnu-'));
  try {
    const files = [[join(DIST, 'index.html'), 'index.html']];
    for (const [name, path] of ALL) {
      const page = await app.open(path);
      const html = await page.evaluate(() => '<!DOCTYPE html>\n' + document.documentElement.outerHTML);
      const file = join(dir, `${name.replace(/\W+/g, '-')}.html`);
      writeFileSync(file, html);
      files.push([file, name]);
      await page.close();
    }
    let out = '';
    try {
      execFileSync('java', ['-jar', VNU, '--errors-only', '--format', 'json', ...files.map(([f]) => f)], { stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      out = e.stderr.toString();
    }
    const messages = out ? JSON.parse(out).messages.filter((m) => m.type === 'error') : [];
    const named = messages.map((m) => `${files.find(([f]) => m.url?.endsWith(f.split('/').pop()))?.[1] ?? m.url}: ${m.message} (${m.extract?.trim().slice(0, 80)})`);
    assert.deepEqual(named, [], named.join('\n'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  app.assertClean();
});
