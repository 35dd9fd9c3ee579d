// What the expert does in the viewer, with its checks (used by viewer.test.mjs).
import assert from 'node:assert/strict';
import { BASE_URL, screenshot, uniqueTag } from './lib.mjs';
import { multipartRelated } from './synthetic-ct.mjs';

export async function api(page, method, path, body, headers = {}) {
  const response = await page.request.fetch(`${BASE_URL}/${path}`, {
    method,
    headers: { Accept: 'application/json', ...(body !== undefined && !Buffer.isBuffer(body) ? { 'Content-Type': 'application/json' } : {}), ...headers },
    data: body === undefined ? undefined : Buffer.isBuffer(body) ? body : JSON.stringify(body),
    timeout: 300_000,
  });
  const text = await response.text();
  return { status: response.status(), text, json: () => JSON.parse(text) };
}

/** Doctor's case → consultant claims and requests the full study → STOW-RS → complete. */
export async function uploadThroughWorkflow(doctor, consultant, ct, { modality = 'CT' } = {}) {
  const created = await api(doctor, 'POST', 'api/cases', {
    question: `E2E viewer ${uniqueTag()}: bilateral ground-glass opacities on day six — viral pneumonia?`,
    modality,
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
  console.log(`# STOW-RS: ${ct.files.length} slices of ${ct.size}x${ct.size} in ${Date.now() - started} ms`);
  assert.equal(storedUids.size, ct.files.length);
  const completed = await api(doctor, 'POST', `api/upload-sessions/${session.id}/complete`, '');
  assert.equal(completed.status, 200, completed.text);
  const studies = completed.json().studies ?? [];
  assert.equal(studies.length, 1, completed.text);
  return { caseId, sessionId: session.id, studyUid: studies[0].studyInstanceUid };
}

/** QIDO-RS series of a study as the expert sees them. */
export async function seriesOf(page, studyUid) {
  const r = await api(page, 'GET', `api/dicomweb/studies/${studyUid}/series`, undefined, { Accept: 'application/dicom+json' });
  assert.equal(r.status, 200, r.text);
  return r.json();
}

/** An AI image series (not the SR): "AI" in the description, as the viewer decides. */
export const isAiImageSeries = (s) => /\bAI\b/.test(s['0008103E']?.Value?.[0] ?? '') && s['00080060']?.Value?.[0] !== 'SR';

/** A study with an AI image series: the toggle shows the AI image beside the CT, labelled. */
export async function checkAiOverlay(page, studyUid) {
  await page.goto(`${BASE_URL}/#/studies/${encodeURIComponent(studyUid)}/viewer`);
  await page.locator('[data-testid=viewport][data-rendered-index="0"]').waitFor({ timeout: 30000 });
  assert.ok((await litPixels(page)) > 10000, 'the image is drawn');
  const aiItem = page.locator('[data-testid=viewer-series] button[data-ai=true]:not([disabled])');
  assert.match(await aiItem.first().textContent(), /AI.*For Research Purposes Only/, 'the AI series is listed, labelled');
  const toggle = page.locator('[data-testid=ai-toggle]');
  assert.match(await toggle.textContent(), /AI overlay.*For Research Purposes Only/);
  await page.waitForFunction(() => !document.querySelector('[data-testid=ai-toggle]').disabled);
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
  await page.locator('[data-testid=ai-pane]').waitFor();
  assert.match(await page.locator('[data-testid=ai-pane]').textContent(), /AI heat map — For Research Purposes Only/);
  await page.locator('[data-testid=ai-caption]', { hasText: /AI image/ }).waitFor();
  await page.waitForFunction(() => document.querySelector('[data-testid=ai-viewport] canvas'));
  await page.waitForTimeout(500);
  assert.ok((await litPixels(page, 'ai-viewport')) > 1000, 'the AI image is drawn');
  // scrolling the CT moves the AI image along (the one made from the nearest CT image)
  const before = await page.locator('[data-testid=ai-caption]').textContent();
  await page.locator('[data-testid=viewport]').focus();
  await page.keyboard.press('End');
  await page.locator('[data-testid=ai-caption]', { hasNotText: before }).waitFor();
  await screenshot(page, 'viewer-ai');
  await toggle.click();
  assert.equal(await page.locator('[data-testid=ai-pane]').isHidden(), true);
}

/** Non-black pixels of the viewport's canvas (the image is drawn, not an empty black box). */
async function litPixels(page, testId = 'viewport') {
  return page.evaluate((id) => {
    const canvas = document.querySelector(`[data-testid=${id}] canvas`);
    if (!canvas) return -1;
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    let lit = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] + data[i + 1] + data[i + 2] > 30) lit++;
    return lit;
  }, testId);
}

/** Presses ArrowDown `count` times, each time waiting until that image is rendered; ms per image. */
async function scrollTiming(page, count) {
  return page.evaluate(async (n) => {
    const el = document.querySelector('[data-testid=viewport]');
    el.focus();
    const times = [];
    for (let i = 0; i < n; i++) {
      const want = String(Number(el.dataset.renderedIndex) + 1);
      const t0 = performance.now();
      await new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`image ${want} not rendered in 10 s`)), 10000);
        const onRendered = () => {
          if (el.dataset.renderedIndex === want) {
            clearTimeout(timer);
            el.removeEventListener('CORNERSTONE_IMAGE_RENDERED', onRendered);
            resolve();
          }
        };
        el.addEventListener('CORNERSTONE_IMAGE_RENDERED', onRendered);
        el.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
        // a key press ends with keyup (cornerstone tools treat a key held down as a modifier)
        el.dispatchEvent(new KeyboardEvent('keyup', { key: 'ArrowDown', bubbles: true }));
      });
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    return { mean: times.reduce((a, b) => a + b, 0) / n, median: times[Math.floor(n / 2)], p95: times[Math.floor(n * 0.95)], max: times[n - 1] };
  }, count);
}

/** The text of a measurement once its statistics have settled (they follow the last render). */
async function settledText(locator) {
  await locator.waitFor();
  let previous = await locator.textContent();
  for (let i = 0; i < 20; i++) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const now = await locator.textContent();
    if (now === previous) return now;
    previous = now;
  }
  return previous;
}

/** Drags from one point of the viewport to another (fractions of its box). */
async function drag(page, from, to) {
  const box = await page.locator('[data-testid=viewport]').boundingBox();
  const at = ([fx, fy]) => [box.x + box.width * fx, box.y + box.height * fy];
  const [x0, y0] = at(from);
  const [x1, y1] = at(to);
  await page.mouse.move(x0, y0);
  await page.mouse.down();
  await page.mouse.move((x0 + x1) / 2, (y0 + y1) / 2, { steps: 4 });
  await page.mouse.move(x1, y1, { steps: 4 });
  await page.mouse.up();
  return { box, canvasPx: Math.hypot(x1 - x0, y1 - y0) };
}

/** Everything an expert does in the viewer with a study without AI series; `ct` describes it. */
export async function readStudy(page, studyUid, ct, caseId) {
  if (caseId) {
    // from the case page: the received study's line links to the viewer
    await page.goto(`${BASE_URL}/#/cases/${caseId}`);
    await page.locator('[data-testid=open-viewer]').click();
    await page.waitForURL(new RegExp(`#/studies/${studyUid.replace(/\./g, '\\.')}/viewer$`));
  } else {
    await page.goto(`${BASE_URL}/#/studies/${encodeURIComponent(studyUid)}/viewer`);
  }
  await page.locator('[data-testid=page-heading]', { hasText: 'Study viewer' }).waitFor();
  const viewport = page.locator('[data-testid=viewport]');
  await page.locator('[data-testid=viewport][data-rendered-index="0"]').waitFor({ timeout: 30000 });
  assert.equal(await page.locator('[data-testid=viewer]').getAttribute('data-renderer'), 'cpu', 'no GPU here: CPU rendering');
  assert.match(await page.locator('[data-testid=viewer-slice]').textContent(), new RegExp(`^1 / ${ct.files.length}$`));
  assert.ok((await litPixels(page)) > 10000, 'the first image is drawn');
  const series = page.locator('[data-testid=viewer-series] button');
  assert.ok((await series.count()) >= 1);
  assert.match(await series.first().textContent(), /CT/);

  // scrolling: the keyboard, each image waited for until rendered
  const cold = await scrollTiming(page, 20);
  // the prefetch fills the cache around the shown image: once all are there, scroll again
  const loadStarted = Date.now();
  await page.locator(`[data-testid=viewer-loaded][data-loaded="${ct.files.length}"]`).waitFor({ timeout: 120000 });
  console.log(`# all ${ct.files.length} images in the browser after ${((Date.now() - loadStarted) / 1000).toFixed(1)} s more`);
  const warm = await scrollTiming(page, 60);
  console.log(`# viewer scroll, ${ct.size}x${ct.size} CT, CPU rendering: first 20 images mean ${cold.mean.toFixed(1)} ms (p95 ${cold.p95.toFixed(1)}); ` +
    `next 60 (prefetched) mean ${warm.mean.toFixed(1)} ms, median ${warm.median.toFixed(1)}, p95 ${warm.p95.toFixed(1)}, max ${warm.max.toFixed(1)} ms ` +
    `= ${(1000 / warm.mean).toFixed(0)} images/s`);
  assert.equal(await viewport.getAttribute('data-rendered-index'), '80');
  assert.equal(await page.locator('[data-testid=viewer-slice]').textContent(), `81 / ${ct.files.length}`);
  assert.ok(warm.median < 100, `a prefetched image change takes ${warm.median} ms`);
  // the mouse wheel scrolls too
  const box = await viewport.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, 300);
  await page.waitForFunction(() => document.querySelector('[data-testid=viewport]').dataset.renderedIndex !== '80');
  // back to the middle of the lungs with the slider (keyboard accessible)
  const middle = Math.round(ct.files.length / 2);
  await page.locator('[data-testid=viewer-slider]').fill(String(middle));
  await page.locator(`[data-testid=viewport][data-rendered-index="${middle - 1}"]`).waitFor();

  // window presets: mediastinum, then lung; the VOI shown follows
  await page.getByRole('button', { name: /^Mediastinum/ }).click();
  await page.locator('[data-testid=viewer-voi]', { hasText: 'W 400 / L 40' }).waitFor();
  await page.evaluate(() => new Promise((drawn) => requestAnimationFrame(() => requestAnimationFrame(drawn))));
  const mediastinumLit = await litPixels(page);
  await page.getByRole('button', { name: /^Lung/ }).click();
  await page.locator('[data-testid=viewer-voi]', { hasText: 'W 1500 / L -600' }).waitFor();
  // the VOI text changes before the next frame is drawn: look again for up to 5 s
  let lungLit = await litPixels(page);
  for (const until = Date.now() + 5000; lungLit <= mediastinumLit && Date.now() < until; lungLit = await litPixels(page)) {
    await page.waitForTimeout(100);
  }
  assert.ok(lungLit > mediastinumLit, `the lung window shows the lungs (-850 HU) grey, not black (${lungLit} vs ${mediastinumLit} lit pixels)`);
  // window/level by dragging changes the window
  await page.getByRole('button', { name: 'Window/level' }).click();
  await drag(page, [0.5, 0.5], [0.6, 0.55]);
  assert.notEqual(await page.locator('[data-testid=viewer-voi]').textContent(), 'W 1500 / L -600');
  await page.getByRole('button', { name: /^Lung/ }).click();
  await screenshot(page, 'viewer-lung');

  // length: a horizontal line across the middle; mm from PixelSpacing
  await page.getByRole('button', { name: 'Length' }).click();
  const { canvasPx } = await drag(page, [0.35, 0.5], [0.65, 0.5]);
  const lengthItem = page.locator('[data-testid=measurements] li', { hasText: 'Length' });
  const lengthText = await settledText(lengthItem);
  const mm = Number(/Length ([\d.]+) mm/.exec(lengthText)?.[1]);
  // the image (fov mm) fills the viewport's height (the smaller side) when fitted
  const fittedMmPerCssPx = ct.fov / Math.min(box.width, box.height);
  const expected = canvasPx * fittedMmPerCssPx;
  console.log(`# length: ${lengthText} (expected about ${expected.toFixed(1)} mm)`);
  assert.ok(Math.abs(mm - expected) / expected < 0.05, `length ${mm} mm, expected about ${expected.toFixed(1)} mm`);

  // region statistic inside the right lung (image left): HU near -850
  await page.getByRole('button', { name: 'Region (HU)' }).click();
  const lungX = 0.5 - (72 / ct.fov) * (Math.min(box.width, box.height) / box.width);
  await drag(page, [lungX - 0.02, 0.47], [lungX + 0.02, 0.53]);
  const roi = page.locator('[data-testid=measurements] li', { hasText: 'Region' });
  const roiText = await settledText(roi);
  console.log(`# region: ${roiText}`);
  const mean = Number(/mean (-?[\d.]+) HU/.exec(roiText)?.[1]);
  assert.ok(mean < -700 && mean > -1000, `lung region mean ${mean} HU`);
  await screenshot(page, 'viewer-measurements');

  // no AI series in this study: the toggle is there, labelled, and disabled
  const toggle = page.locator('[data-testid=ai-toggle]');
  assert.match(await toggle.textContent(), /AI overlay.*For Research Purposes Only/);
  assert.equal(await toggle.isDisabled(), true, 'no AI series: the toggle is disabled');
  assert.equal(await page.locator('[data-testid=ai-pane]').isHidden(), true);

  // Russian labels
  await page.locator('button[data-lang=ru]').click();
  await page.locator('[data-testid=page-heading]', { hasText: 'Просмотр исследования' }).waitFor();
  await page.locator('[data-testid=ai-toggle]', { hasText: 'Только для исследовательских целей' }).waitFor();
  await page.locator('button[data-lang=en]').click();
}

