// Stage II reporting in the browser: a study received through the real workflow appears live on
// the expert's worklist with a ticking countdown; the expert opens it, claims, fills in the
// structured report, sees the severity table's proposal, signs; a second expert agrees; the
// report is delivered with its PDF and SR links.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { byTestId, launch, login, newPage, screenshot, USERS } from './lib.mjs';
import { uploadThroughWorkflow } from './viewer-steps.mjs';
import { syntheticChestCt } from './synthetic-ct.mjs';

const EXPERT2 = { ...USERS.expert, username: 'expert2', password: 'expert2-demo' };

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('worklist → report → sign → second read, live', async () => {
  const doctor = await newPage(browser);
  const consultant = await newPage(browser);
  const expert = await newPage(browser);
  const second = await newPage(browser);
  try {
    await login(expert.page, USERS.expert);
    await login(second.page, EXPERT2);
    await login(doctor.page, USERS.doctorNorth);
    await login(consultant.page, USERS.consultant);
    await byTestId(expert.page, 'report-worklist').waitFor();

    const ct = syntheticChestCt({ slices: 4, size: 64, thickness: 2.5 });
    const { caseId } = await uploadThroughWorkflow(doctor.page, consultant.page, ct);

    // the new study arrives on the open worklist without a reload
    const row = expert.page.locator(`[data-testid=report-row][data-case-id="${caseId}"]`);
    await row.waitFor({ timeout: 15000 });
    const countdown = row.locator('[data-testid=countdown]');
    const first = await countdown.textContent();
    assert.match(first, /^\d+:\d\d:\d\d$/);
    await expert.page.waitForFunction(
      ([el, before]) => el.textContent !== before, [await countdown.elementHandle(), first], { timeout: 5000 });
    await screenshot(expert.page, 'reporting-worklist');

    await row.locator('[data-testid=open-report]').click();
    await byTestId(expert.page, 'viewer-slot').waitFor();
    await byTestId(expert.page, 'claim').click();
    await byTestId(expert.page, 'report-form').waitFor();
    await byTestId(expert.page, 'f-groundGlass').check();
    await byTestId(expert.page, 'f-involvementRightPct').fill('30');
    await byTestId(expert.page, 'f-involvementLeftPct').fill('40');
    await byTestId(expert.page, 'save-draft').click();
    await expert.page.waitForFunction(() => document.querySelector('[data-testid=proposed-class]')?.textContent === 'CT-2 (moderate)');
    assert.match(await byTestId(expert.page, 'thresholds').textContent(), /involvement > 25 % and ≤ 50 %/);
    assert.match(await byTestId(expert.page, 'proposed-routing').textContent(), /Follow-up at home by a primary care physician/);
    await byTestId(expert.page, 'f-ctClass').selectOption('CT2');
    await byTestId(expert.page, 'f-conclusion').fill('Bilateral ground-glass opacities, 35 % of the parenchyma.');
    await byTestId(expert.page, 'sign').click();
    await expert.page.waitForFunction(() => document.querySelector('[data-testid=report-state]')?.textContent === 'Awaiting second read');
    await screenshot(expert.page, 'reporting-signed');
    const reportUrl = expert.page.url();

    await second.page.goto(reportUrl);
    await byTestId(second.page, 'second-read').waitFor();
    await byTestId(second.page, 'second-read-comment').fill('Agree with CT-2.');
    await byTestId(second.page, 'agree').click();
    await second.page.waitForFunction(() => document.querySelector('[data-testid=report-state]')?.textContent === 'Delivered');
    assert.match(await byTestId(second.page, 'second-read-line').textContent(), /agreed by/);
    await byTestId(second.page, 'pdf-link').waitFor();
    await screenshot(second.page, 'reporting-delivered');
    for (const p of [doctor, consultant, expert, second]) assert.deepEqual(p.problems, []);
  } finally {
    await Promise.all([doctor, consultant, expert, second].map((p) => p.context.close()));
  }
});
