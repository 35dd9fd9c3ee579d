// The application shell: every demo user signs in and sees their role's home page,
// the language switches to Russian and back, a wrong password shows the error banner.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { BASE_URL, launch, login, newPage, screenshot, USERS } from './lib.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const heading = (page) => page.locator('[data-testid=page-heading]');
const text = async (page, testId) => (await page.locator(`[data-testid=${testId}]`).textContent())?.trim();

for (const user of Object.values(USERS)) {
  test(`${user.username} sees the ${user.role} home page, in English and Russian`, async () => {
    const { context, page, problems } = await newPage(browser);
    try {
      await login(page, user);
      assert.equal((await heading(page).textContent()).trim(), user.heading);

      const me = await page.evaluate(async () => (await fetch('api/auth/me')).json());
      assert.equal(me.role, user.role);
      assert.equal(me.organisationName, user.organisation);
      assert.equal(await text(page, 'user-name'), me.displayName);
      assert.equal(await text(page, 'user-org'), user.organisation);

      await roleSpecificChecks(page, user);
      await screenshot(page, shotName(user));

      // Russian, remembered across a reload; then back to English
      await page.locator('.lang-switch [data-lang=ru]').click();
      await heading(page).filter({ hasText: user.headingRu }).waitFor();
      assert.equal(await page.getAttribute('html', 'lang'), 'ru');
      assert.equal(await page.getByRole('button', { name: 'Выйти' }).count(), 1);
      await page.reload();
      await heading(page).filter({ hasText: user.headingRu }).waitFor();
      await settled(page, user);
      await screenshot(page, `${shotName(user)}-ru`);
      await page.locator('.lang-switch [data-lang=en]').click();
      await heading(page).filter({ hasText: user.heading }).waitFor();
      assert.equal(await page.getAttribute('html', 'lang'), 'en');
      assert.deepEqual(problems, []);

      // sign out: back to the login page, and the session is gone on the server
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.waitForURL(/#\/login$/);
      const status = await page.evaluate(async () => (await fetch('api/auth/me')).status);
      assert.equal(status, 401);
    } finally {
      await context.close();
    }
  });
}

/** doctor.png is the northern doctor; the southern one gets doctor-south.png. */
function shotName(user) {
  return user === USERS.doctorSouth ? 'doctor-south' : user.role.toLowerCase();
}

/** Waits until the page's data has loaded (for screenshots). */
async function settled(page, user) {
  if (user.role === 'ADMIN') {
    // the audit log tab opened by the checks is kept across the reload (#/home?tab=audit)
    await page.locator('[data-testid=audit-table] tbody tr').first().waitFor();
  } else {
    await page.locator('[data-testid=case-list] :is(ol, .empty-state)').first().waitFor();
  }
}

async function roleSpecificChecks(page, user) {
  switch (user.role) {
    case 'DOCTOR':
      await page.getByLabel('Clinical question').waitFor();
      await page.getByLabel('Modality').waitFor();
      await page.getByLabel('Body part').waitFor();
      break;
    case 'CONSULTANT':
      await page.locator('[data-testid=case-list] :is(ol, .empty-state)').first().waitFor();
      break;
    case 'EXPERT': {
      // the reporting worklist: received studies with their countdown, or an honest empty state
      const list = page.locator('[data-testid=worklist-studies] :is(table, [data-testid=empty-state])').first();
      await list.waitFor();
      if ((await list.getAttribute('data-testid')) === 'empty-state') {
        assert.equal((await list.textContent()).trim(), 'No studies received yet.');
      }
      await page.locator('[data-testid=report-breaches]').waitFor();
      break;
    }
    case 'ADMIN': {
      // the console's tabs: roster first, then the audit log, organisations and users
      await page.locator('[data-testid=roster]').waitFor();
      await page.locator('[data-testid=tab-people]').click();
      await page.locator('[data-testid=organisations-table]').getByText('Northern Regional Clinic').waitFor();
      await page.locator('[data-testid=users-table]').getByText('doctor.south').waitFor();
      await page.locator('[data-testid=tab-audit]').click();
      await page.locator('[data-testid=audit-table] tbody tr').first().waitFor();
      await page.getByRole('button', { name: 'Verify chain' }).click();
      const result = page.locator('[data-testid=verify-result] [data-intact]');
      await result.waitFor();
      assert.equal(await result.getAttribute('data-intact'), 'true', await result.textContent());
      break;
    }
  }
}

test('a wrong password shows the error banner and stays on the login page', async () => {
  const { context, page } = await newPage(browser);
  try {
    await page.goto(`${BASE_URL}/#/login`);
    await page.getByLabel('Username').fill(USERS.doctorNorth.username);
    await page.getByLabel('Password').fill('not-the-password');
    await page.locator('form button[type=submit]').click();
    const banner = page.locator('[data-testid=error-banner]');
    await banner.waitFor();
    assert.match(await banner.textContent(), /401/);
    assert.match(await banner.textContent(), /Wrong username or password/);
    assert.match(page.url(), /#\/login$/);
    await screenshot(page, 'login-error');

    // the banner can be dismissed
    await banner.getByRole('button', { name: 'Dismiss' }).click();
    assert.equal(await banner.count(), 0);
  } finally {
    await context.close();
  }
});
