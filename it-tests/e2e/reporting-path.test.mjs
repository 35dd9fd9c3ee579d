// The whole of stage II in the browser, as the "done when" says: a chest CT the AI accepts
// goes through the real workflow; the expert sees it arrive on the worklist with a ticking
// countdown, opens the report page, scrolls the study in the embedded viewer, switches the AI
// overlay ("For Research Purposes Only") on and off, fills in the report (CT-2) and signs; the
// second expert returns it with a comment, the first reader sees it come back live, corrects and
// re-signs, the second expert co-signs; the doctor's open case page shows the delivered report
// without a reload (PDF, DICOM SR download checked byte by byte), then an addendum. The admin sees
// a stage II time limit breach raised live and the workload dashboard's stage II figures.
// A second test measures the viewer's load time of a 300-slice CT on the report page.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { BASE_URL, byTestId, launch, login, newPage, screenshot, USERS } from './lib.mjs';
import { api, isAiImageSeries, seriesOf, uploadThroughWorkflow } from './viewer-steps.mjs';
import { syntheticChestCt } from './synthetic-ct.mjs';

const EXPERT2 = { ...USERS.expert, username: 'expert2', password: 'expert2-demo' };
const LOAD_SLICES = Number(process.env.E2E_VIEWER_SLICES ?? 300);

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const stateIs = (page, text) =>
  page.waitForFunction((want) => document.querySelector('[data-testid=report-state]')?.textContent === want, text, { timeout: 15000 });

async function reportIdOf(page, caseId) {
  const list = (await api(page, 'GET', 'api/reporting/worklist')).json();
  const item = list.items.find((i) => i.caseId === caseId);
  assert.ok(item, `case ${caseId} on the worklist`);
  return item.reportId;
}

test('stage II from the worklist to the doctor: viewer, AI overlay, report, second read, delivery, addendum', async () => {
  const doctor = await newPage(browser);
  const consultant = await newPage(browser);
  const expert = await newPage(browser);
  const second = await newPage(browser);
  const pages = [doctor, consultant, expert, second];
  try {
    await login(expert.page, USERS.expert);
    await login(second.page, EXPERT2);
    await login(doctor.page, USERS.doctorNorth);
    await login(consultant.page, USERS.consultant);
    await byTestId(expert.page, 'report-worklist').waitFor();

    // 48 × 2.5 mm = 120 mm: a volume the stage II AI analyses
    const ct = syntheticChestCt({ slices: 48, size: 256, thickness: 2.5 });
    const { caseId, studyUid } = await uploadThroughWorkflow(doctor.page, consultant.page, ct);
    // the doctor keeps the case open: the report must arrive there without a reload
    await doctor.page.goto(`${BASE_URL}/#/cases/${caseId}`);
    await byTestId(doctor.page, 'case-state').waitFor();
    assert.equal(await byTestId(doctor.page, 'case-reports').isHidden(), true, 'no report yet');

    // 1. the worklist: the study arrives live, the countdown ticks
    const row = expert.page.locator(`[data-testid=report-row][data-case-id="${caseId}"]`);
    await row.waitFor({ timeout: 15000 });
    const countdown = row.locator('[data-testid=countdown]');
    const first = await countdown.textContent();
    assert.match(first, /^\d+:\d\d:\d\d$/);
    await expert.page.waitForFunction(([el, was]) => el.textContent !== was, [await countdown.elementHandle(), first], { timeout: 5000 });

    // the AI runs by itself once the upload completed: wait for its research series
    const until = Date.now() + 120_000;
    let series = [];
    while (Date.now() < until) {
      series = await seriesOf(expert.page, studyUid);
      if (series.some(isAiImageSeries)) break;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    assert.ok(series.some(isAiImageSeries), 'the stage II AI added its research series within 120 s');

    // 2. the report page with the study in the embedded viewer: scroll, AI overlay on and off
    await row.locator('[data-testid=open-report]').click();
    const slot = byTestId(expert.page, 'viewer-slot');
    await slot.locator('[data-testid=viewport][data-rendered-index="0"]').waitFor({ timeout: 30000 });
    assert.equal(await slot.locator('[data-testid=viewer-slice]').textContent(), `1 / ${ct.files.length}`);
    const viewport = slot.locator('[data-testid=viewport]');
    await viewport.focus();
    for (let i = 0; i < 5; i++) await expert.page.keyboard.press('ArrowDown');
    await slot.locator('[data-testid=viewport][data-rendered-index="5"]').waitFor();
    assert.equal(await slot.locator('[data-testid=viewer-slice]').textContent(), `6 / ${ct.files.length}`);
    const box = await viewport.boundingBox();
    await expert.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await expert.page.mouse.wheel(0, 400);
    await expert.page.waitForFunction(() => document.querySelector('[data-testid=viewport]').dataset.renderedIndex !== '5');
    const toggle = slot.locator('[data-testid=ai-toggle]');
    assert.match(await toggle.textContent(), /AI overlay.*For Research Purposes Only/);
    await expert.page.waitForFunction(() => !document.querySelector('[data-testid=ai-toggle]').disabled, null, { timeout: 15000 });
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
    const aiPane = slot.locator('[data-testid=ai-pane]');
    await aiPane.waitFor();
    assert.match(await aiPane.textContent(), /For Research Purposes Only/);
    await slot.locator('[data-testid=ai-caption]', { hasText: /AI image/ }).waitFor();
    await screenshot(expert.page, 'expert-report-viewer-ai');
    await toggle.click();
    assert.equal(await aiPane.isHidden(), true);

    // 3. claim, fill in the structured report (CT-2), sign
    await byTestId(expert.page, 'claim').click();
    await byTestId(expert.page, 'report-form').waitFor();
    await byTestId(expert.page, 'f-groundGlass').check();
    await byTestId(expert.page, 'f-bilateral').check();
    await byTestId(expert.page, 'f-involvementRightPct').fill('30');
    await byTestId(expert.page, 'f-involvementLeftPct').fill('40');
    await byTestId(expert.page, 'save-draft').click();
    await expert.page.waitForFunction(() => document.querySelector('[data-testid=proposed-class]')?.textContent === 'CT-2 (moderate)');
    await byTestId(expert.page, 'f-ctClass').selectOption('CT2');
    await byTestId(expert.page, 'f-conclusion').fill('Bilateral ground-glass opacities, 35 % of the parenchyma.');
    // the AI may estimate another class: then the form asks why the expert differs
    await byTestId(expert.page, 'f-disagreementComment').fill('Read on the full study.');
    await byTestId(expert.page, 'sign').click();
    await stateIs(expert.page, 'Awaiting second read');
    // the viewer stayed in place through the commands
    assert.equal(await slot.locator('[data-testid=viewport]').count(), 1);
    const reportUrl = expert.page.url();

    // 4. the second reader returns it; the first reader's open page shows it back, live
    await second.page.goto(reportUrl);
    await byTestId(second.page, 'second-read').waitFor();
    await byTestId(second.page, 'second-read-comment').fill('Left lung 45 %, please recheck the total.');
    await byTestId(second.page, 'disagree').click();
    await stateIs(second.page, 'In reporting');
    await stateIs(expert.page, 'In reporting');
    await byTestId(expert.page, 'sign').waitFor();
    assert.match(await byTestId(expert.page, 'second-read-line').textContent(), /returned by .*Left lung 45 %/);
    await byTestId(expert.page, 'f-involvementLeftPct').fill('45');
    await byTestId(expert.page, 'f-conclusion').fill('Bilateral ground-glass opacities, 38 % of the parenchyma.');
    await byTestId(expert.page, 'sign').click();
    await stateIs(expert.page, 'Awaiting second read');
    await stateIs(second.page, 'Awaiting second read');
    await byTestId(second.page, 'second-read-comment').fill('Agree with CT-2.');
    await byTestId(second.page, 'agree').click();
    await stateIs(second.page, 'Delivered');

    // 5. the doctor's case page shows the delivered report without a reload
    const reports = byTestId(doctor.page, 'case-reports');
    await reports.waitFor({ timeout: 15000 });
    await reports.locator('[data-testid=case-report-class]', { hasText: 'CT-2 (moderate)' }).last().waitFor();
    assert.match(await reports.textContent(), /38 % of the parenchyma/);
    await byTestId(doctor.page, 'chat-report-link').first().waitFor();
    const pdfHref = await reports.locator('[data-testid=case-report-pdf]').getAttribute('href');
    const pdf = await doctor.page.request.get(`${BASE_URL}/${pdfHref}`);
    assert.equal(pdf.status(), 200);
    assert.equal(pdf.headers()['content-type'], 'application/pdf');
    assert.equal((await pdf.body()).subarray(0, 5).toString('latin1'), '%PDF-');
    const [download] = await Promise.all([
      doctor.page.waitForEvent('download'),
      reports.locator('[data-testid=case-report-sr]').click(),
    ]);
    const sr = readFileSync(await download.path());
    assert.ok(sr.length > 132, `SR of ${sr.length} bytes`);
    assert.equal(sr.subarray(128, 132).toString('latin1'), 'DICM', 'a DICOM file: DICM at byte 128');
    assert.ok(sr.includes(Buffer.from(studyUid, 'latin1')), 'the SR belongs to the reported study');
    await screenshot(doctor.page, 'doctor-case-report');

    // 6. an addendum after delivery reaches the doctor's page too
    await byTestId(expert.page, 'addendum-text').waitFor();
    await byTestId(expert.page, 'addendum-text').fill('PCR positive on day 6.');
    await byTestId(expert.page, 'add-addendum').click();
    await reports.locator('[data-testid=case-report-addendum]', { hasText: 'PCR positive on day 6.' }).waitFor({ timeout: 15000 });

    // Russian labels of the doctor's report section
    await doctor.page.locator('button[data-lang=ru]').click();
    await doctor.page.locator('[data-testid=case-reports] h2', { hasText: 'Заключение эксперта' }).waitFor();
    await doctor.page.locator('button[data-lang=en]').click();
    for (const p of pages) assert.deepEqual(p.problems, []);
  } finally {
    await Promise.all(pages.map((p) => p.context.close()));
  }
});

test('the admin sees a stage II time limit breach raised live, and the dashboard counts stage II', async () => {
  const doctor = await newPage(browser);
  const consultant = await newPage(browser);
  const admin = await newPage(browser);
  try {
    await login(admin.page, USERS.admin);
    await login(doctor.page, USERS.doctorNorth);
    await login(consultant.page, USERS.consultant);
    await byTestId(admin.page, 'report-breach-alert').waitFor({ state: 'attached' });
    // a study of type "other": the test server's limit is 3 s (RIS_REPORTING_TIME_LIMITS)
    const ct = syntheticChestCt({ slices: 3, size: 64, thickness: 2.5 });
    const { caseId } = await uploadThroughWorkflow(doctor.page, consultant.page, ct, { modality: 'MR' });
    const reportId = await reportIdOf(admin.page, caseId);
    const alert = admin.page.locator(`[data-testid=report-breach][data-report-id="${reportId}"]`);
    await alert.waitFor({ timeout: 20000 });
    assert.match(await byTestId(admin.page, 'report-breach-alert').textContent(), /Stage II: \d+ report\(s\) past the reporting time limit/);
    await screenshot(admin.page, 'admin-report-breach');

    await byTestId(admin.page, 'tab-dashboard').click();
    const stageTwo = byTestId(admin.page, 'workload-stage-two');
    await stageTwo.locator('[data-testid=stage-two-breaches]').waitFor();
    assert.ok(Number(await stageTwo.locator('[data-testid=stage-two-breaches]').textContent()) >= 1);
    assert.ok(Number(await stageTwo.locator('[data-testid=stage-two-received]').textContent()) >= 1);
    // charts of stage II: this breach is over the limit, and the whole-path test's experts signed and co-signed
    for (const chart of ['chart-stage-two-limits', 'chart-experts']) {
      const total = Number(await byTestId(stageTwo, chart).getAttribute('data-total'));
      assert.ok(total >= 1, `${chart} has data (${total})`);
      assert.ok(await byTestId(stageTwo, chart).locator('canvas').evaluate((c) => c.width > 0 && c.height > 0), `${chart} is drawn`);
    }
    await screenshot(admin.page, 'admin-dashboard-stage-two');
    for (const p of [doctor, consultant, admin]) assert.deepEqual(p.problems, []);
  } finally {
    await Promise.all([doctor, consultant, admin].map((p) => p.context.close()));
  }
});

test(`viewer load time of a ${LOAD_SLICES}-slice CT on the report page`, async () => {
  const doctor = await newPage(browser);
  const consultant = await newPage(browser);
  const expert = await newPage(browser);
  try {
    await login(expert.page, USERS.expert);
    await login(doctor.page, USERS.doctorNorth);
    await login(consultant.page, USERS.consultant);
    // thin slices (< 100 mm in all): the AI declines it and does not compete for the CPU
    const ct = syntheticChestCt({ slices: LOAD_SLICES, size: 256, thickness: 0.33 });
    const { caseId } = await uploadThroughWorkflow(doctor.page, consultant.page, ct);
    const reportId = await reportIdOf(expert.page, caseId);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const started = Date.now();
    await expert.page.goto(`${BASE_URL}/#/reports/${reportId}`);
    await expert.page.locator('[data-testid=viewer-slot] [data-testid=viewport][data-rendered-index="0"]').waitFor({ timeout: 60000 });
    const firstImage = Date.now() - started;
    await expert.page.locator(`[data-testid=viewer-slot] [data-testid=viewer-loaded][data-loaded="${LOAD_SLICES}"]`).waitFor({ timeout: 180000 });
    const allImages = Date.now() - started;
    // where the time to the first image goes: the series' metadata (one WADO-RS request) and the first frame
    const timings = await expert.page.evaluate(() => performance.getEntriesByType('resource')
      .filter((e) => /\/metadata$|\/frames\/1$/.test(e.name) || /\/instances\/[^/]+$/.test(e.name))
      .slice(0, 3).map((e) => `${e.name.replace(/.*\/(series|instances)\//, '$1/…/').slice(0, 60)} ${Math.round(e.startTime)}+${Math.round(e.duration)} ms`));
    console.log(`# report page viewer, ${LOAD_SLICES} slices of 256x256 CT: first image ${firstImage} ms, all ${LOAD_SLICES} images ${allImages} ms` +
      ` (first requests: ${timings.join('; ')})`);
    assert.ok(firstImage < 30000, `first image after ${firstImage} ms`);
    assert.deepEqual(expert.problems, []);
  } finally {
    await Promise.all([doctor, consultant, expert].map((p) => p.context.close()));
  }
});
