// Stage II DICOM viewer (cornerstone3D, CPU rendering in headless Chromium) over the product's
// own DICOMweb. A synthetic chest CT is generated here (synthetic-ct.mjs), sent through the real
// workflow — doctor's case, consultant claims and requests the full study, STOW-RS, complete —
// and the expert reads it: image rendered, scrolling (time per image printed), lung preset,
// length in mm, region in HU, AI overlay toggle (present with an AI series, disabled without).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launch, login, newPage, USERS } from './lib.mjs';
import { api, checkAiOverlay, isAiImageSeries, readStudy, seriesOf, uploadThroughWorkflow } from './viewer-steps.mjs';
import { syntheticChestCt } from './synthetic-ct.mjs';

const SLICES = Number(process.env.E2E_VIEWER_SLICES ?? 300);
const SIZE = Number(process.env.E2E_VIEWER_SIZE ?? 256);

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('the expert reads a stored chest CT in the viewer: scroll, presets, mm and HU, AI toggle', async (t) => {
  const doctor = await newPage(browser);
  const consultant = await newPage(browser);
  const expert = await newPage(browser);
  try {
    await login(expert.page, USERS.expert);
    const qido = await api(expert.page, 'GET', 'api/dicomweb/studies?limit=1', undefined, { Accept: 'application/dicom+json' });
    if (qido.status === 404 || qido.status === 405) {
      t.skip(`the server has no QIDO-RS yet (GET api/dicomweb/studies: ${qido.status})`);
      return;
    }
    await login(doctor.page, USERS.doctorNorth);
    await login(consultant.page, USERS.consultant);
    // 1. A thin-slice CT (SLICES × 0.33 mm < 100 mm, too short a volume for the stage II AI,
    // so no AI series comes and the AI does not compete for the CPU): read it in full.
    const ct = syntheticChestCt({ slices: SLICES, size: SIZE, thickness: 0.33 });
    const { caseId, studyUid } = await uploadThroughWorkflow(doctor.page, consultant.page, ct);
    await new Promise((resolve) => setTimeout(resolve, 2000)); // the AI's refusal adds nothing
    assert.equal((await seriesOf(expert.page, studyUid)).filter(isAiImageSeries).length, 0);
    await readStudy(expert.page, studyUid, ct, caseId);

    // 2. A CT the AI analyses (60 × 2.5 mm = 150 mm): its SR and research captures join the
    // study; the expert switches the AI overlay on and off.
    const chest = syntheticChestCt({ slices: 60, size: 256, thickness: 2.5 });
    const { studyUid: chestUid } = await uploadThroughWorkflow(doctor.page, consultant.page, chest);
    let series = [];
    const waitUntil = Date.now() + 120_000;
    while (Date.now() < waitUntil) {
      series = await seriesOf(expert.page, chestUid);
      if (series.some(isAiImageSeries)) break;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    console.log(`# series of the AI-analysed study: ${series.map((s) => `${s['00080060']?.Value?.[0]} "${s['0008103E']?.Value?.[0] ?? ''}" (${s['00201209']?.Value?.[0]})`).join(', ')}`);
    assert.ok(series.some(isAiImageSeries), 'the stage II AI added its research captures within 120 s');
    await checkAiOverlay(expert.page, chestUid);

    // 3. On demand: the expert sends the study to a registered model from the viewer page; its
    // result series join the study and the viewer reloads with them.
    const aiBefore = (await seriesOf(expert.page, chestUid)).filter(isAiImageSeries).length;
    await expert.page.locator('[data-testid=ai-model] option').first().waitFor({ state: 'attached' });
    assert.match(await expert.page.locator('[data-testid=ai-model-card]').textContent(), /AUC/);
    assert.match(await expert.page.locator('[data-testid=ai-on-demand]').textContent(), /For Research Purposes Only/);
    const aiButtons = '[data-testid=viewer-series] button[data-ai=true]';
    const listedBefore = await expert.page.locator(aiButtons).count();
    await expert.page.locator('[data-testid=ai-run]').click();
    await expert.page.locator('[data-testid=ai-run-status]', { hasText: /added to the study/ }).waitFor({ timeout: 150000 });
    assert.equal((await seriesOf(expert.page, chestUid)).filter(isAiImageSeries).length, aiBefore + 1, 'one more research capture series');
    await expert.page.waitForFunction(([selector, n]) => document.querySelectorAll(selector).length > n, [aiButtons, listedBefore]);
    for (const p of [doctor, consultant, expert]) assert.deepEqual(p.problems, []);
  } finally {
    await Promise.all([doctor.context.close(), consultant.context.close(), expert.context.close()]);
  }
});

