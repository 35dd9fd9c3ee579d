// The login page: username and password, errors in the banner.
import { layout } from '../app/layout';
import { navigateAfterLogin } from '../app/router';
import type { View } from '../app/view';
import { t } from '../i18n/i18n';
import { api, ApiError } from '../shared/api';
import { clearBanner, showError } from '../shared/banner';
import { h } from '../shared/dom';
import { setCurrentUser, takeSessionExpired } from './session';

export function loginPage(): View {
  const username = h('input', {
    id: 'login-username',
    name: 'username',
    type: 'text',
    autocomplete: 'username',
    autocapitalize: 'none',
    spellcheck: 'false',
    required: true,
    autofocus: true,
  });
  const password = h('input', {
    id: 'login-password',
    name: 'password',
    type: 'password',
    autocomplete: 'current-password',
    required: true,
  });
  const submit = h('button', { type: 'submit', class: 'button button-primary button-wide' }, t('login.submit'));
  const expiredNote = takeSessionExpired()
    ? h('p', { class: 'note note-info', role: 'status' }, t('login.sessionExpired'))
    : null;

  const form = h(
    'form',
    { class: 'form', 'aria-labelledby': 'login-heading', novalidate: true },
    h('div', { class: 'field' }, h('label', { for: username.id }, t('login.username')), username),
    h('div', { class: 'field' }, h('label', { for: password.id }, t('login.password')), password),
    submit,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearBanner();
    if (!username.value.trim() || !password.value) {
      showError(new ApiError(400, 'missing_fields', t('login.missingFields')));
      (username.value.trim() ? password : username).focus();
      return;
    }
    submit.disabled = true;
    submit.textContent = t('login.submitting');
    try {
      const user = await api.login(username.value.trim(), password.value);
      setCurrentUser(user);
      navigateAfterLogin();
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        showError(new ApiError(401, error.code, t('login.invalid')));
        password.value = '';
        password.focus();
      } else {
        showError(error); // server unreachable or failing: keep what was typed
      }
      submit.disabled = false;
      submit.textContent = t('login.submit');
    }
  });

  const view = layout({
    title: t('login.title'),
    content: [
      h(
        'section',
        { class: 'login-card card' },
        h('h1', { id: 'login-heading', 'data-testid': 'page-heading' }, t('login.title')),
        h('p', { class: 'muted' }, t('login.intro')),
        expiredNote,
        form,
      ),
    ],
  });
  view.element.classList.add('page-login');
  queueMicrotask(() => username.focus());
  return view;
}
