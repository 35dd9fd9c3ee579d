// Stage II from the doctor's browser: a full study (a PixelMed-generated chest CT with the patient's
// name in every file, written by LiveChannelTest) is dropped on the case page and sent with resumable
// uploads (tus-js-client). The test watches the study and per-file progress, pauses and resumes,
// reloads the page in the middle (the browser "died"), drops the same files again and sees them
// continue at the server's offsets, then completes the study. The network is throttled (CDP) so the
// upload takes long enough to be interrupted.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { BASE_URL, launch, login, newPage, screenshot, USERS, uniqueTag } from './lib.mjs';
import { api } from './viewer-steps.mjs';

const FIXTURES = process.env.E2E_FIXTURES;
const tid = (id) => `[data-testid=${id}]`;
const STUDY = FIXTURES && join(FIXTURES, 'study');

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Drops files on the drop zone as a browser does (a DataTransfer with File objects). */
async function dropFiles(page, files) {
  const payload = files.map((f) => ({ name: f.name, b64: f.bytes.toString('base64') }));
  const transfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) {
      const bin = atob(f.b64);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      dt.items.add(new File([bytes], f.name, { type: 'application/dicom', lastModified: 1700000000000 }));
    }
    return dt;
  }, payload);
  await page.locator(tid('study-drop')).dispatchEvent('drop', { dataTransfer: transfer });
}

const progressOf = (page) => page.locator(tid('study-progress')).evaluate((p) => Number(p.value));

async function throttle(page, bytesPerSecond) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: bytesPerSecond,
  });
}

test('the doctor uploads a study resumably: progress, pause/resume, reload mid-upload, complete', { skip: !FIXTURES && 'E2E_FIXTURES not set', timeout: 300_000 }, async () => {
  const files = readdirSync(STUDY).sort().map((name) => ({ name, bytes: readFileSync(join(STUDY, name)) }));
  assert.ok(files.length >= 10, 'the generated study');
  assert.ok(files[0].bytes.toString('latin1').includes('Korolyova'), 'the files carry the patient name');
  const total = files.reduce((n, f) => n + f.bytes.length, 0);

  const { page, problems } = await newPage(browser);
  const consultantSide = await newPage(browser);
  await login(page, USERS.doctorNorth);
  await login(consultantSide.page, USERS.consultant);
  const created = await api(page, 'POST', 'api/cases', {
    question: `E2E upload ${uniqueTag()}: ground-glass opacities on day five, full study?`, modality: 'CT', bodyPart: 'CHEST',
  });
  assert.equal(created.status, 201, created.text);
  const caseId = created.json().id;
  assert.equal((await api(consultantSide.page, 'POST', `api/cases/${caseId}/claim`)).status, 200);
  assert.equal((await api(consultantSide.page, 'POST', `api/cases/${caseId}/request-full-study`, { text: 'Please send the whole chest CT.' })).status, 200);

  await page.goto(`${BASE_URL}/#/cases/${caseId}`);
  await page.locator(tid('study-drop')).waitFor();
  await throttle(page, Math.round(total / 14)); // about 14 s for the whole study

  // Drop the study; the study bar and one bar per file move.
  await dropFiles(page, files);
  await page.locator(tid('upload-file')).nth(files.length - 1).waitFor();
  assert.equal(await page.locator(tid('upload-file')).count(), files.length);
  await page.waitForFunction(() => Number(document.querySelector('[data-testid=study-progress]').value) >= 10, null, { timeout: 60_000 });
  assert.ok(await page.locator(`${tid('upload-file')} progress`).evaluateAll((bars) => bars.some((b) => Number(b.value) > 0)));
  await screenshot(page, 'doctor-study-upload-progress');

  // Pause: nothing moves; resume: it goes on.
  await page.locator(tid('study-pause')).click();
  await page.locator(tid('study-resume')).waitFor();
  const pausedAt = await progressOf(page);
  await page.waitForTimeout(2000);
  assert.equal(await progressOf(page), pausedAt, 'paused: the progress stands still');
  assert.ok((await page.locator(`${tid('upload-file')}[data-status=paused]`).count()) > 0);
  await page.locator(tid('study-resume')).click();
  await page.waitForFunction((p) => Number(document.querySelector('[data-testid=study-progress]').value) > p, pausedAt, { timeout: 60_000 });

  // The browser "dies" mid-upload: reload. The page knows what was left unfinished.
  await page.waitForFunction(() => Number(document.querySelector('[data-testid=study-progress]').value) >= 40, null, { timeout: 60_000 });
  const storedBefore = (await api(page, 'GET', `api/upload-sessions/by-case/${caseId}`)).json().stored;
  assert.ok(storedBefore < files.length, `the reload lands mid-upload (${storedBefore} stored)`);
  await page.reload();
  await page.locator(tid('study-drop')).waitFor();
  await page.locator(tid('study-resumable')).waitFor();
  assert.match(await page.locator(tid('study-resumable')).textContent(), /\d+ file\(s\) were still being sent/);
  await throttle(page, Math.round(total / 14));
  const resumedAt = [];
  page.on('request', (r) => {
    if (r.method() === 'PATCH' && Number(r.headers()['upload-offset'] ?? 0) > 0) resumedAt.push(Number(r.headers()['upload-offset']));
  });
  await dropFiles(page, files);
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=upload-file][data-status=STORED], [data-testid=upload-file][data-status=DUPLICATE]').length === n,
    files.length, { timeout: 120_000 });
  assert.ok(resumedAt.length > 0, 'at least one file continued at the offset the server had kept');
  assert.equal(await page.locator(`${tid('upload-file')}[data-status=REJECTED], ${tid('upload-file')}[data-status=error]`).count(), 0);
  await page.waitForFunction(() => Number(document.querySelector('[data-testid=study-progress]').value) === 100);

  const session = (await api(page, 'GET', `api/upload-sessions/by-case/${caseId}`)).json();
  assert.equal(session.stored, files.length, JSON.stringify(session));
  assert.equal(session.conflicts, 0);
  assert.ok(session.channels.includes('BROWSER'));
  await screenshot(page, 'doctor-study-upload-done');

  // Complete: the study goes to the experts.
  await page.locator(tid('study-complete')).click();
  await page.locator(`${tid('upload-state')}[data-state=COMPLETE]`).waitFor({ timeout: 20_000 });
  assert.equal(await page.locator(tid('study-drop')).isVisible(), false, 'a complete study takes no more files');
  const leftInStorage = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('tus::')).length);
  assert.equal(leftInStorage, 0, 'no resume entries left once every file is stored');
  const page2 = await page.content();
  assert.ok(!page2.includes('Korolyova'), 'no patient name on the page');
  assert.deepEqual(problems, []);
  await consultantSide.context.close();
  await page.context().close();
});
