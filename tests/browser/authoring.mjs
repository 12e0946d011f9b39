// What a teacher or a student makes through the app before a test can check something else
// with it (a link reopened, a phone's layout, two tabs): an assignment composed on the
// teacher's page, and a source added from the library's form. Made by the same clicks a user
// makes, so a test that uses them also breaks when making them breaks.
import { waitUntil } from './harness.mjs';

/**
 * Composes an assignment of the guided questions `guided` (their ids) on the teacher's page
 * `page` (already open at teacher/); returns the student's and the teacher's links.
 */
export async function makeAssignment(page, title, guided) {
  await page.getByLabel('Title').fill(title);
  for (const id of guided) {
    await page.getByLabel('A guided question').selectOption(id);
    await page.getByRole('button', { name: 'Add the guided question' }).click();
  }
  const chosen = page.getByRole('list', { name: 'Questions in this assignment' }).locator(':scope > li');
  await waitUntil(async () => (await chosen.count()) === guided.length, `${guided.length} questions chosen`);
  return {
    link: await page.getByLabel('The assignment’s link, for students').inputValue(),
    edit: await page.getByLabel(/Keep this link to edit the assignment/).inputValue(),
  };
}

/** Adds a pasted source `title` from the library (`page` open at it); returns the source's id. */
export async function addSource(page, title, text) {
  const form = page.locator('details.add-source');
  if (!(await form.evaluate((d) => d.open))) await page.getByText('Add a source', { exact: true }).click();
  await page.getByLabel('Paste the article’s text').fill(text);
  await page.getByLabel('Title').fill(title);
  await page.getByRole('button', { name: 'Add source' }).click();
  await page.getByRole('status').filter({ hasText: `Added “${title}”` }).waitFor();
  const href = await page.getByRole('link', { name: new RegExp(`^${title}`) }).first().getAttribute('href');
  return new URL(href, page.url()).searchParams.get('source');
}
