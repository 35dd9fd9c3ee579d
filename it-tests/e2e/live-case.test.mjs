// The thin live path: a regional doctor's new case appears on the duty consultant's
// triage channel through the WebSocket, without a reload; another clinic never sees it.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { launch, login, newPage, screenshot, USERS } from './lib.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('a new case reaches the triage channel live and stays within its organisation', async () => {
  const consultant = await newPage(browser);
  const north = await newPage(browser);
  const south = await newPage(browser);
  try {
    await login(consultant.page, USERS.consultant);
    await consultant.page.locator('[data-testid=live-indicator][data-status=live]').waitFor();
    const marker = randomUUID();
    await consultant.page.evaluate((m) => {
      window.__e2eMarker = m;
    }, marker);

    // letters only: six digits in a row would be flagged by the PHI check as an ID-like number
    const tag = marker.slice(0, 8).replace(/\d/g, (d) => 'ghijklmnop'[d]);
    const question = `E2E ${tag}: bilateral ground-glass opacities, day 6 of fever — viral pneumonia?`;
    await login(north.page, USERS.doctorNorth);
    await north.page.getByLabel('Clinical question').fill(question);
    await north.page.getByLabel('Modality').selectOption('CT');
    await north.page.getByLabel('Body part').selectOption('CHEST');
    const sent = Date.now();
    await north.page.getByRole('button', { name: 'Send request' }).click();
    await north.page.locator('[data-testid=case-question]', { hasText: question }).waitFor();

    // on the consultant's page within 5 s, without navigation
    const item = consultant.page.locator('.case-item', { hasText: question });
    await item.waitFor({ timeout: 5000 });
    const latency = Date.now() - sent;
    assert.equal(await consultant.page.evaluate(() => window.__e2eMarker), marker, 'the page was reloaded');
    assert.equal((await item.locator('[data-testid=case-org]').textContent()).trim(), USERS.doctorNorth.organisation);
    await screenshot(consultant.page, 'consultant-live');
    assert.ok(latency < 5000, `case arrived after ${latency} ms`);

    // tenant isolation: the southern clinic sees neither the case in its list nor in the API
    await login(south.page, USERS.doctorSouth);
    await south.page.locator('[data-testid=case-list] :is(ol, .empty-state)').first().waitFor();
    assert.equal(await south.page.getByText(question).count(), 0);
    const southCases = await south.page.evaluate(async () => (await fetch('api/cases')).json());
    assert.ok(Array.isArray(southCases));
    assert.equal(southCases.filter((c) => c.question === question).length, 0);
    assert.ok(southCases.every((c) => c.organisationName === USERS.doctorSouth.organisation));

    for (const p of [consultant, north, south]) assert.deepEqual(p.problems, []);
  } finally {
    await Promise.all([consultant.context.close(), north.context.close(), south.context.close()]);
  }
});
