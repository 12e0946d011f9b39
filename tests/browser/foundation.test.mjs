// The foundation's contract: library, reader, original text, paragraph links, document
// navigation, deep links and the not-found page, on the release build under a sub-path.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { mainText, startApp, waitUntil } from './harness.mjs';

// Titles as in src/data/documents.toml, with a sentence of each body that cleaning keeps.
const DOCS = [
  {
    id: 'home-to-mek',
    title: 'Ashraf 3, Home to Iranian Opposition Group MEK in Albania',
    sentence: 'More than 2,500 MEK members built Ashraf 3 in the short period of one-and-half years.',
  },
  {
    id: 'source-of-hope',
    title: 'How MEK and Ashraf 3 have become a source of hope and inspiration for Iran’s youth',
    sentence: 'Further confirming this truth is the regime',
  },
  {
    id: 'encyclopedia-earlier',
    title: 'Camp Ashraf 3',
    relation: 'Encyclopedia article, historical revision',
    sentence: 'The camp is a fortified base built on 34 hectares of farmland.',
  },
  {
    id: 'lends-hope',
    title: 'MEK and Ashraf 3 Lends Hope to Iran’s Youth',
    sentence: 'The MEK Resistance Units inside Iran helped organize the protests after they began.',
  },
  {
    id: 'encyclopedia-later',
    title: 'Camp Ashraf 3',
    relation: 'Encyclopedia article, later revision',
    sentence: 'Albanian police have successfully thwarted numerous planned attacks by Iranian agents targeting the camp.',
  },
];

// Page furniture of the original web pages, which the cleaned texts must not contain.
const CHROME = [
  '728 x 90',
  'Aller au contenu principal',
  'Recent Posts',
  'Generic selectors',
  'Collection James Bond 007',
  'Externals links',
  'Copyright ©',
  'Tags:',
];

const SUFFIX = 'Ashraf 3 reading companion';
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const startsWith = (s) => new RegExp(`^${escape(s)}`);

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

const h1 = (page, name) => page.getByRole('heading', { level: 1, name, exact: true });

/** The reader's text without its provenance section (which may quote a footer on purpose). */
function bodyText(page) {
  return page.locator('main').evaluate((main) => {
    const copy = main.cloneNode(true);
    for (const heading of copy.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
      if (heading.textContent.trim() === 'About this source') {
        (heading.closest('section, aside, details') ?? heading.parentElement).remove();
      }
    }
    return copy.textContent.replace(/\s+/g, ' ');
  });
}

test('every page has a skip link, the main navigation and a title naming the view', async () => {
  const page = await app.open('');
  await h1(page, 'Library').waitFor();
  assert.equal(await page.title(), `Library · ${SUFFIX}`);
  const skip = page.getByRole('link', { name: 'Skip to content' });
  assert.equal(await skip.getAttribute('href'), './#main');
  assert.equal(await page.locator('main#main').count(), 1);
  const nav = page.locator('header').getByRole('navigation', { name: 'Main' });
  for (const name of ['Library', 'Compare', 'Glossary', 'Figures']) {
    assert.equal(await nav.getByRole('link', { name, exact: true }).count(), 1, `nav link ${name}`);
  }
  app.assertClean();
});

test('the library lists every document with its provenance', async () => {
  const page = await app.open('');
  const articles = page.getByRole('main').getByRole('article');
  assert.equal(await articles.count(), DOCS.length);
  for (const doc of DOCS) {
    const name = doc.relation ? new RegExp(`^${escape(doc.title)}.*${escape(doc.relation)}`) : startsWith(doc.title);
    const link = page.getByRole('heading', { level: 2 }).getByRole('link', { name });
    assert.equal(await link.count(), 1, `one library link for ${doc.id}`);
    assert.match(await link.getAttribute('href'), new RegExp(`(^|/)read/${doc.id}/$`));
  }
  for (let i = 0; i < DOCS.length; i++) {
    const terms = await articles.nth(i).locator('dl dt').allTextContents();
    for (const term of ['Outlet', 'Date', 'Relation', 'Words', 'Reading time']) {
      assert.ok(terms.map((t) => t.trim()).includes(term), `article ${i + 1} lists ${term}: ${terms}`);
    }
  }
  app.assertClean();
});

test('every document opens from the library as clean text with its provenance', async () => {
  const page = await app.open('');
  for (const doc of DOCS) {
    await app.ready(page);
    const name = doc.relation ? new RegExp(`^${escape(doc.title)}.*${escape(doc.relation)}`) : startsWith(doc.title);
    await page.getByRole('main').getByRole('link', { name }).click();
    await h1(page, doc.title).waitFor();
    assert.match(page.url(), new RegExp(`/read/${doc.id}/$`));
    assert.ok((await page.title()).includes(doc.title), `title of ${doc.id}: ${await page.title()}`);
    await page.getByRole('heading', { name: 'About this source' }).waitFor();
    await page.getByText(doc.sentence).first().waitFor({ state: 'visible' });
    const text = await bodyText(page);
    for (const chrome of CHROME) assert.ok(!text.includes(chrome), `${doc.id} shows page chrome “${chrome}”`);
    await page.goBack();
  }
  app.assertClean();
});

test('the later encyclopedia revision shows its sections as headings', async () => {
  const page = await app.open('?view=read&doc=encyclopedia-later');
  for (const name of ['History', 'Residents and daily life', 'Raid by Albanian police', 'Aftermath']) {
    const heading = page.getByRole('main').getByRole('heading', { name, exact: true });
    await heading.waitFor();
    assert.match(await heading.getAttribute('id'), /^h-/, `${name} has an h- id`);
  }
  assert.ok(!(await mainText(page)).includes('=='), 'no wikitext markup left');
  app.assertClean();
});

test('provenance is open on a wide screen and folded on a phone, one tap away', async () => {
  const wide = await app.open('?view=read&doc=lends-hope');
  const outlet = (page) => page.getByRole('main').getByRole('term').filter({ hasText: 'Outlet' });
  await outlet(wide).waitFor({ state: 'visible' });
  const phone = await app.open('?view=read&doc=lends-hope', {
    contextOptions: { hasTouch: true, isMobile: true, viewport: { width: 390, height: 800 } },
  });
  const about = phone.getByRole('heading', { name: 'About this source' });
  await about.waitFor();
  assert.equal(await outlet(phone).isVisible(), false, 'folded on a phone');
  const first = await phone.locator('#p1').boundingBox();
  assert.ok(first && first.y < 800, `the text starts on the first screen (first paragraph at ${first?.y} px)`);
  await about.tap();
  await outlet(phone).waitFor({ state: 'visible' });
  app.assertClean();
});

test('“View original” shows the text as received, “View cleaned text” goes back', async () => {
  const page = await app.open('?view=read&doc=encyclopedia-later');
  await page.getByRole('link', { name: 'View original' }).click();
  const pre = page.locator('main pre');
  await pre.waitFor();
  assert.match(page.url(), /[?&]original=1/);
  assert.ok((await pre.textContent()).includes('= Camp Ashraf 3 ='));
  await page.getByRole('link', { name: 'View cleaned text' }).click();
  await page.getByRole('heading', { name: 'History', exact: true }).waitFor();
  assert.equal(await pre.count(), 0);
  app.assertClean();
});

test('a copied paragraph link opens on that paragraph, highlighted, in a fresh browser', async () => {
  const doc = 'encyclopedia-later';
  const page = await app.open(`?view=read&doc=${doc}`, {
    contextOptions: { permissions: ['clipboard-read', 'clipboard-write'] },
  });
  const paragraphs = page.locator('main p[id^="p"]');
  const n = await paragraphs.count();
  assert.ok(n >= 5, `${doc} has paragraphs with ids (found ${n})`);
  for (let i = 0; i < n; i++) assert.equal(await paragraphs.nth(i).getAttribute('id'), `p${i + 1}`);
  // The status line draws no box until it has something to say.
  const status = page.getByRole('status');
  const border = () => status.evaluate((el) => getComputedStyle(el).borderTopWidth);
  assert.equal(await status.textContent(), '');
  assert.equal(await border(), '0px', 'an empty status line draws nothing over the text');
  await page.getByRole('button', { name: `Copy link to paragraph ${n}`, exact: true }).click();
  await page.getByText('Link copied').first().waitFor();
  assert.notEqual(await border(), '0px', 'a status line with a message is drawn');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, `${app.url}read/${doc}/#p${n}`);

  const fresh = await app.open(copied, { contextOptions: { viewport: { width: 800, height: 600 } } });
  const target = fresh.locator(`#p${n}`);
  await waitUntil(async () => (await target.getAttribute('class'))?.split(/\s+/).includes('is-target'), `#p${n} gets is-target`);
  await waitUntil(
    () =>
      target.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return r.bottom > 0 && r.top < window.innerHeight;
      }),
    `#p${n} scrolled into view`,
  );
  assert.ok((await fresh.evaluate(() => window.scrollY)) > 0, 'the page scrolled');
  app.assertClean();
});

test('previous and next links walk the documents in library order', async () => {
  const page = await app.open(`?view=read&doc=${DOCS[0].id}`);
  const docsNav = page.getByRole('navigation', { name: 'Documents' });
  for (let i = 1; i < DOCS.length; i++) {
    await docsNav.getByRole('link', { name: `Next: ${DOCS[i].title}`, exact: true }).click();
    await h1(page, DOCS[i].title).waitFor();
    assert.match(page.url(), new RegExp(`/read/${DOCS[i].id}/$`));
  }
  await docsNav.getByRole('link', { name: `Previous: ${DOCS.at(-2).title}`, exact: true }).click();
  await page.waitForURL(new RegExp(`/read/${DOCS.at(-2).id}/$`));
  await page.getByText(DOCS.at(-2).sentence).first().waitFor();
  await docsNav.getByRole('link', { name: 'Back to the library', exact: true }).click();
  await h1(page, 'Library').waitFor();
  app.assertClean();
});

test('a deep link works on a first visit', async () => {
  const doc = DOCS.find((d) => d.id === 'lends-hope');
  const page = await app.open(`?view=read&doc=${doc.id}`);
  await h1(page, doc.title).waitFor();
  await page.getByText(doc.sentence).first().waitFor({ state: 'visible' });
  app.assertClean();
});

for (const path of ['?view=read&doc=nope', '?view=zzz']) {
  test(`${path} shows “Not found” with a way back to the library`, async () => {
    const page = await app.open(path);
    await h1(page, 'Not found').waitFor();
    assert.ok((await page.title()).includes('Not found'), `title: ${await page.title()}`);
    await page.getByRole('main').getByRole('link', { name: 'Back to the library', exact: true }).click();
    await h1(page, 'Library').waitFor();
    assert.equal(await page.getByRole('main').getByRole('article').count(), DOCS.length);
    app.assertClean();
  });
}

test('a mistyped folder gets the styled “Not found” page, whose links lead back into the companion', async () => {
  const context = await app.newContext();
  const page = await context.newPage();
  // No view's folder in the address: the page finds the root by asking the host.
  const missing = await page.goto(new URL('glosary/', app.url).href);
  assert.equal(missing.status(), 404);
  await app.ready(page);
  await h1(page, 'Not found').waitFor();
  const styled = () => page.evaluate(() => getComputedStyle(document.querySelector('.skip-link')).position === 'absolute');
  await waitUntil(styled, 'the stylesheet applies');
  await page.getByRole('main').getByRole('link', { name: 'Back to the library', exact: true }).click();
  await h1(page, 'Library').waitFor();
  assert.equal(page.url(), app.url);
  app.takeProblems(); // the browser logs the 404s: the page's own, and the folders that lack the stylesheet
  await context.close();
});

test('Persian text is isolated as right-to-left', async () => {
  const page = await app.open('?view=read&doc=encyclopedia-later');
  const persian = page.locator('main [dir="rtl"], main bdi').filter({ hasText: 'اشرف۳' });
  await persian.first().waitFor();
  app.assertClean();
});

test('the Content-Security-Policy blocks injected inline code, and the harness reports it', async () => {
  const page = await app.open('');
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(policy, /script-src 'self' ('sha256-[A-Za-z0-9+/=]+' )+'wasm-unsafe-eval'/);
  assert.doesNotMatch(policy, /unsafe-inline|'unsafe-eval'/);
  const ran = await page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.injected = true';
    document.head.append(script);
    document.body.setAttribute('style', 'outline: 1px solid red');
    await new Promise((ok) => setTimeout(ok, 100));
    return window.injected === true;
  });
  assert.equal(ran, false, 'the injected script did not run');
  await waitUntil(() => app.problems().filter((p) => p.startsWith('CSP violation')).length >= 2, 'two CSP violations reported');
  const reported = app.takeProblems().join('\n');
  assert.match(reported, /script-src-elem/);
  assert.match(reported, /style-src-attr/);
});

test('a content note comes before the graphic allegations, and a student can pass them', async () => {
  const page = await app.open('?view=read&doc=encyclopedia-earlier');
  const notes = page.getByRole('complementary', { name: 'Content note' });
  assert.equal(await notes.count(), 2);
  // Each note sits right before the passage it is about.
  const drills = notes.first();
  assert.match(await drills.textContent(), /^Content note: .*violent exercises/);
  const next = drills.locator('xpath=following-sibling::*[1]');
  assert.match(await next.textContent(), /cut throats with knives/);
  const torture = notes.nth(1);
  assert.match(await torture.textContent(), /allegations of torture/);
  assert.equal(await torture.locator('xpath=following-sibling::*[1]').textContent(), 'Allegation of torture');
  // "Skip these passages" moves past them, by keyboard too.
  await torture.getByRole('link', { name: 'Skip these passages' }).focus();
  await page.keyboard.press('Enter');
  await waitUntil(() => /#h-troll-farm-allegations$/.test(page.url()), 'the link targets the next section');
  const heading = page.getByRole('heading', { level: 2, name: 'Troll farm allegations' });
  await waitUntil(() => heading.evaluate((el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom < innerHeight; }), 'the next section is in view');
  await waitUntil(() => heading.evaluate((el) => el === document.activeElement), 'and has the focus, so reading goes on from there');
  // The other documents carry no note.
  const later = await app.open('?view=read&doc=encyclopedia-later');
  assert.equal(await later.getByRole('complementary', { name: 'Content note' }).count(), 0);
  app.assertClean();
});
