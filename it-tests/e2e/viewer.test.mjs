// Stage II DICOM viewer (cornerstone3D, CPU rendering in headless Chromium) over the product's
// own DICOMweb. A synthetic chest CT is generated here (synthetic-ct.mjs), sent through the real
// workflow — doctor's case, consultant claims and requests the full study, STOW-RS, complete —
// and the expert reads it: image rendered, scrolling (time per image printed), lung preset,
// length in mm, region in HU, AI overlay toggle (present with an AI series, disabled without).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { BASE_URL, launch, login, newPage, USERS } from './lib.mjs';
import { readStudy } from './viewer-steps.mjs';
import { multipartRelated, syntheticChestCt } from './synthetic-ct.mjs';

const SLICES = Number(process.env.E2E_VIEWER_SLICES ?? 120);
const SIZE = Number(process.env.E2E_VIEWER_SIZE ?? 256);

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

async function api(page, method, path, body, headers = {}) {
  const response = await page.request.fetch(`${BASE_URL}/${path}`, {
    method,
    headers: { Accept: 'application/json', ...(body !== undefined && !Buffer.isBuffer(body) ? { 'Content-Type': 'application/json' } : {}), ...headers },
    data: body === undefined ? undefined : Buffer.isBuffer(body) ? body : JSON.stringify(body),
    timeout: 300_000,
  });
  const text = await response.text();
  return { status: response.status(), text, json: () => JSON.parse(text) };
}

/** Letters only: six digits in a row would be an "ID-like number" to the PHI check. */
const tag = () => randomUUID().slice(0, 8).replace(/\d/g, (d) => 'ghijklmnop'[d]);

/** Doctor's case → consultant claims and requests the full study → STOW-RS → complete. */
async function uploadThroughWorkflow(doctor, consultant, ct) {
  const created = await api(doctor, 'POST', 'api/cases', {
    question: `E2E viewer ${tag()}: bilateral ground-glass opacities on day six — viral pneumonia?`,
    modality: 'CT',
    bodyPart: 'CHEST',
  });
  assert.equal(created.status, 201, created.text);
  const caseId = created.json().id;
  assert.equal((await api(consultant, 'POST', `api/cases/${caseId}/claim`)).status, 200);
  const requested = await api(consultant, 'POST', `api/cases/${caseId}/request-full-study`, { text: 'Please send the whole chest CT.' });
  assert.equal(requested.status, 200, requested.text);
  const session = (await api(doctor, 'GET', `api/upload-sessions/by-case/${caseId}`)).json();
  const started = Date.now();
  const storedUids = new Set();
  for (let i = 0; i < ct.files.length; i += 30) {
    const { body, contentType } = multipartRelated(ct.files.slice(i, i + 30));
    const stow = await api(doctor, 'POST', `api/dicomweb/studies?session=${session.id}`, body, {
      'Content-Type': contentType,
      Accept: 'application/dicom+json',
    });
    assert.equal(stow.status, 200, stow.text.slice(0, 500));
    for (const item of stow.json()['00081199'].Value) storedUids.add(item['00081155'].Value[0]);
  }
  console.log(`# STOW-RS: ${ct.files.length} slices of ${SIZE}x${SIZE} in ${Date.now() - started} ms`);
  assert.equal(storedUids.size, ct.files.length);
  const completed = await api(doctor, 'POST', `api/upload-sessions/${session.id}/complete`, '');
  assert.equal(completed.status, 200, completed.text);
  const studies = completed.json().studies ?? [];
  assert.equal(studies.length, 1, completed.text);
  return { caseId, studyUid: studies[0].studyInstanceUid };
}

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

