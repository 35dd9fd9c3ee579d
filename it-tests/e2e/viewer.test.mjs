// Stage II DICOM viewer (cornerstone3D, CPU rendering in headless Chromium) over the product's
// own DICOMweb. A synthetic chest CT is generated here (synthetic-ct.mjs), sent through the real
// workflow — doctor's case, consultant claims and requests the full study, STOW-RS, complete —
// and the expert reads it: image rendered, scrolling (time per image printed), lung preset,
// length in mm, region in HU, AI overlay toggle (present with an AI series, disabled without).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launch, login, newPage, USERS } from './lib.mjs';
import { api, readStudy, uploadThroughWorkflow } from './viewer-steps.mjs';
import { syntheticChestCt } from './synthetic-ct.mjs';

const SLICES = Number(process.env.E2E_VIEWER_SLICES ?? 120);
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
    const ct = syntheticChestCt({ slices: SLICES, size: SIZE });
    const { studyUid } = await uploadThroughWorkflow(doctor.page, consultant.page, ct);

    // the study as the expert's QIDO sees it, with or without an AI series (stage II AI may add one)
    let series = [];
    for (let i = 0; i < 20; i++) {
      const r = await api(expert.page, 'GET', `api/dicomweb/studies/${studyUid}/series`, undefined, { Accept: 'application/dicom+json' });
      assert.equal(r.status, 200, r.text);
      series = r.json();
      if (series.some((s) => /\bAI\b/.test(s['0008103E']?.Value?.[0] ?? '') && s['00080060']?.Value?.[0] !== 'SR')) break;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    const aiExpected = series.some((s) => /\bAI\b/.test(s['0008103E']?.Value?.[0] ?? '') && s['00080060']?.Value?.[0] !== 'SR');
    console.log(`# series of the study: ${series.map((s) => `${s['00080060']?.Value?.[0]} "${s['0008103E']?.Value?.[0] ?? ''}"`).join(', ')}`);
    await readStudy(expert.page, studyUid, ct, aiExpected);
    for (const p of [doctor, consultant, expert]) assert.deepEqual(p.problems, []);
  } finally {
    await Promise.all([doctor.context.close(), consultant.context.close(), expert.context.close()]);
  }
});

