// Start-up: ask the server who is signed in, then route.
import './styles.css';
import { signedOut } from './auth/logout';
import { loginPage } from './auth/login-page';
import { setCurrentUser } from './auth/session';
import { registerRoute, startRouter } from './app/router';
import { reportPage } from './reporting/report-page';
import { homePage } from './home/home-page';
import { casePage } from './cases/case-page';
import { viewerPage } from './viewer/viewer-page';
import { t } from './i18n/i18n';
import { api, ApiError, setUnauthorizedHandler } from './shared/api';
import { showError } from './shared/banner';
import { h, mount } from './shared/dom';

registerRoute('login', loginPage);
registerRoute('home', homePage);
registerRoute('case', casePage);
registerRoute('viewer', viewerPage);
registerRoute('report', reportPage);
async function boot(root: HTMLElement): Promise<void> {
  mount(root, h('p', { class: 'boot muted' }, t('common.loading')));
  let startError: unknown = null;
  try {
    setCurrentUser(await api.me());
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 401)) startError = error; // 401: not signed in
  }
  // From now on a 401 anywhere means the session ended: back to the login page.
  setUnauthorizedHandler(() => signedOut(true));
  startRouter(root);
  if (startError) showError(startError);
}

void boot(document.getElementById('app')!);
