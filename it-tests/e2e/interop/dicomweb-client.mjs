// Interoperability: a standard DICOMweb client not written here (npm dicomweb-client, the library
// OHIF uses) stores, searches and retrieves a generated CT through the product's endpoints, in
// Debian's Chromium with a logged-in session cookie, as a browser viewer would.
//
// Not a *.test.mjs file: IntakeInteropTest (Arquillian) prepares the upload session and the CT
// slices, then runs `node interop/dicomweb-client.mjs` with:
//   BASE_URL     the server under test
//   FIXTURES     a folder of Part 10 files (one CT series)
//   SESSION_ID   the doctor's open upload session (completed here after the upload)
// It prints one line `RESULT {...}` for the Java side and exits non-zero on any failure.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { BASE_URL, USERS, launch } from '../lib.mjs';

const require = createRequire(import.meta.url);
const LIBRARY = readFileSync(require.resolve('dicomweb-client/build/dicomweb-client.js'), 'utf8');
const FIXTURES = process.env.FIXTURES;
const SESSION_ID = process.env.SESSION_ID;
assert.ok(FIXTURES && SESSION_ID, 'FIXTURES and SESSION_ID are required');

// A page of the product's origin that holds nothing but the library: same origin, so the
// session cookie (HttpOnly, SameSite=Strict) goes with every request the client makes.
const PAGE = `${BASE_URL}/__dicomweb-interop/index.html`;
const SCRIPT = `${BASE_URL}/__dicomweb-interop/dicomweb-client.js`;

async function signedInPage(browser, user) {
  const context = await browser.newContext();
  await context.route(PAGE, (route) => route.fulfill({
    contentType: 'text/html', body: `<!doctype html><title>interop</title><script src="${SCRIPT}"></script>`,
  }));
  await context.route(SCRIPT, (route) => route.fulfill({ contentType: 'text/javascript', body: LIBRARY }));
  const page = await context.newPage();
  page.setDefaultTimeout(60000);
  await page.goto(PAGE);
  await page.waitForFunction(() => typeof window.DICOMwebClient !== 'undefined');
  const status = await page.evaluate(async ({ username, password }) => {
    const reply = await fetch('/api/auth/login', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password }),
    });
    return reply.status;
  }, USERS[user]);
  assert.equal(status, 200, `login of ${user}`);
  return { context, page };
}

const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.dcm')).sort();
assert.ok(files.length >= 2, 'a multi-slice CT');
const slices = files.map((f) => readFileSync(join(FIXTURES, f)).toString('base64'));

const browser = await launch();
const result = {};
try {
  // --- the clinic's doctor stores the series with STOW-RS --------------------------------------
  const doctor = await signedInPage(browser, 'doctorNorth');
  const stored = await doctor.page.evaluate(async ({ slices, sessionId }) => {
    const bytes = slices.map((b64) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)).buffer);
    const client = new DICOMwebClient.api.DICOMwebClient({ url: `${location.origin}/api/dicomweb` });
    const response = await client.storeInstances({ datasets: bytes });
    const again = await client.storeInstances({ datasets: bytes.slice(0, 1) });
    const session = await (await fetch(`/api/upload-sessions/${sessionId}`)).json();
    const complete = await fetch(`/api/upload-sessions/${sessionId}/complete`, { method: 'POST' });
    return { response: typeof response === 'string' ? JSON.parse(response) : response,
      again: typeof again === 'string' ? JSON.parse(again) : again, session, completeStatus: complete.status };
  }, { slices, sessionId: SESSION_ID });
  const referenced = stored.response['00081199'].Value;
  assert.equal(referenced.length, slices.length, 'every slice is referenced as stored');
  assert.ok(!stored.response['00081198'], 'nothing failed');
  const storedSops = referenced.map((item) => item['00081155'].Value[0]).sort();
  assert.ok(storedSops.every((uid) => uid.startsWith('2.25.')), 'de-identified UIDs come back');
  assert.equal(stored.again['00081199'].Value.length, 1, 'storing again is idempotent');
  assert.equal(stored.session.stored, slices.length);
  assert.equal(stored.session.duplicates, 1);
  assert.equal(stored.completeStatus, 200, 'the doctor completes the upload');
  const studyUid = stored.session.studies[0].studyInstanceUid;
  result.stored = referenced.length;
  result.studyInstanceUid = studyUid;
  await doctor.context.close();

  // --- an expert of the reference centre searches and retrieves -------------------------------
  const expert = await signedInPage(browser, 'expert');
  const read = await expert.page.evaluate(async ({ studyUid }) => {
    const client = new DICOMwebClient.api.DICOMwebClient({ url: `${location.origin}/api/dicomweb` });
    const parse = (r) => (typeof r === 'string' ? JSON.parse(r) : r);
    const studies = parse(await client.searchForStudies({ queryParams: { StudyInstanceUID: studyUid } }));
    const byModality = parse(await client.searchForStudies({ queryParams: { ModalitiesInStudy: 'CT', limit: 1000 } }));
    const series = parse(await client.searchForSeries({ studyInstanceUID: studyUid }));
    const seriesUid = series[0]['0020000E'].Value[0];
    const instances = parse(await client.searchForInstances({ studyInstanceUID: studyUid,
      seriesInstanceUID: seriesUid }));
    const sops = instances.map((i) => i['00080018'].Value[0]);
    const sop = sops[0];
    const ids = { studyInstanceUID: studyUid, seriesInstanceUID: seriesUid, sopInstanceUID: sop };
    const metadata = parse(await client.retrieveInstanceMetadata(ids));
    const seriesMetadata = parse(await client.retrieveSeriesMetadata({ studyInstanceUID: studyUid,
      seriesInstanceUID: seriesUid }));
    const studyMetadata = parse(await client.retrieveStudyMetadata({ studyInstanceUID: studyUid }));
    const instance = await client.retrieveInstance(ids);
    const instanceBytes = new Uint8Array(Array.isArray(instance) ? instance[0] : instance);
    const magic = String.fromCharCode(...instanceBytes.slice(128, 132));
    const frames = await client.retrieveInstanceFrames({ ...ids, frameNumbers: [1] });
    const seriesFiles = await client.retrieveSeries({ studyInstanceUID: studyUid, seriesInstanceUID: seriesUid });
    // Rendered JPEG with the window asked for, decoded by the browser: far below every value is white.
    const brightness = async (window) => {
      const reply = await client.retrieveInstanceRendered({ ...ids, mediaTypes: [{ mediaType: 'image/jpeg' }],
        queryParams: { window } });
      const bitmap = await createImageBitmap(new Blob([Array.isArray(reply) ? reply[0] : reply],
        { type: 'image/jpeg' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const g = canvas.getContext('2d');
      g.drawImage(bitmap, 0, 0);
      const px = g.getImageData(0, 0, bitmap.width, bitmap.height).data;
      let sum = 0;
      for (let i = 0; i < px.length; i += 4) sum += px[i];
      return { width: bitmap.width, mean: sum / (px.length / 4) };
    };
    const renderedWhite = await brightness('-3000,10,linear');
    const renderedBlack = await brightness('3000,10,linear');
    return {
      studies: studies.length,
      studyFoundByModality: byModality.some((s) => s['0020000D'].Value[0] === studyUid),
      studyInstances: studies[0]['00201208'].Value[0],
      series: series.length,
      sops,
      rows: metadata[0]['00280010'].Value[0],
      columns: metadata[0]['00280011'].Value[0],
      bitsAllocated: metadata[0]['00280100'].Value[0],
      metadataPatientName: JSON.stringify(metadata[0]['00100010'] ?? null),
      instanceLength: instanceBytes.length,
      magic,
      frameLengths: frames.map((f) => f.byteLength),
      seriesFiles: seriesFiles.length,
      renderedWhite,
      renderedBlack,
      seriesMetadataSops: seriesMetadata.map((m) => m['00080018'].Value[0]).sort(),
      studyMetadata: studyMetadata.length,
    };
  }, { studyUid });
  assert.equal(read.studies, 1, 'QIDO finds the study by its UID');
  assert.ok(read.studyFoundByModality, 'QIDO finds it by ModalitiesInStudy');
  assert.equal(read.studyInstances, slices.length);
  assert.equal(read.series, 1);
  assert.deepEqual([...read.sops].sort(), storedSops, 'QIDO lists exactly the stored instances');
  assert.equal(read.magic, 'DICM', 'WADO-RS returns the Part 10 instance');
  assert.equal(read.frameLengths.length, 1);
  assert.equal(read.frameLengths[0], (read.rows * read.columns * read.bitsAllocated) / 8,
    'one uncompressed frame of rows x columns x bits');
  assert.equal(read.seriesFiles, slices.length, 'the whole series comes back');
  assert.deepEqual(read.seriesMetadataSops, storedSops, 'series metadata has every instance');
  assert.equal(read.renderedWhite.width, read.columns, 'a rendered JPEG of the slice');
  assert.ok(read.renderedWhite.mean > 240 && read.renderedBlack.mean < 15,
    `the window asked for is applied: ${JSON.stringify([read.renderedWhite, read.renderedBlack])}`);
  assert.equal(read.studyMetadata, slices.length, 'study metadata has every instance');
  assert.ok(!/Korolyova|Anastasia/i.test(read.metadataPatientName), 'the metadata carries the pseudonym only');
  Object.assign(result, read);
  await expert.context.close();

  // --- another clinic sees nothing of it --------------------------------------------------------
  const south = await signedInPage(browser, 'doctorSouth');
  const foreign = await south.page.evaluate(async ({ studyUid }) => {
    const client = new DICOMwebClient.api.DICOMwebClient({ url: `${location.origin}/api/dicomweb` });
    const found = await client.searchForStudies({ queryParams: { StudyInstanceUID: studyUid } });
    let seriesStatus = 200;
    try {
      await client.searchForSeries({ studyInstanceUID: studyUid });
    } catch (e) {
      seriesStatus = e.status;
    }
    return { found: (typeof found === 'string' ? JSON.parse(found || '[]') : found ?? []).length, seriesStatus };
  }, { studyUid });
  assert.equal(foreign.found, 0, 'QIDO of another clinic does not list it');
  assert.equal(foreign.seriesStatus, 404, 'and its series do not exist for that clinic');
  result.foreign = foreign;
  await south.context.close();
} finally {
  await browser.close();
}
console.log(`RESULT ${JSON.stringify(result)}`);
