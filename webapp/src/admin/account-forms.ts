// ADMIN: account forms under the users table — a new account (username, name, role,
// organisation, first password), a role change and a password reset for an existing one. The
// server checks that the role fits the organisation's kind, ends the user's sessions after a role
// change or reset, and audits every change.
import { t, tDynamic } from '../i18n/i18n';
import { api } from '../shared/api';
import { showError } from '../shared/banner';
import { h } from '../shared/dom';
import type { Organisation, User } from '../shared/types';

const ROLES = ['DOCTOR', 'CONSULTANT', 'EXPERT', 'ADMIN'];

export function accountForms(
  users: readonly User[],
  orgs: readonly Organisation[],
  reload: () => void,
  status: HTMLElement,
): HTMLElement {
  const roleOptions = () => ROLES.map((r) => h('option', { value: r }, tDynamic(`role.${r}`, r)));
  const run = async (button: HTMLButtonElement, action: () => Promise<string>) => {
    button.disabled = true;
    status.textContent = '';
    try {
      status.textContent = await action();
      reload();
    } catch (error) {
      showError(error);
    } finally {
      button.disabled = false;
    }
  };

  // a new account
  const username = h('input', { id: 'new-username', type: 'text', autocomplete: 'off', required: true, 'data-testid': 'new-username' });
  const displayName = h('input', { id: 'new-display-name', type: 'text', autocomplete: 'off', required: true, 'data-testid': 'new-display-name' });
  const role = h('select', { id: 'new-role', 'data-testid': 'new-role' }, roleOptions());
  const organisation = h('select', { id: 'new-organisation', 'data-testid': 'new-organisation' }, orgs.map((o) => h('option', { value: o.id }, o.name)));
  const password = h('input', { id: 'new-password', type: 'password', autocomplete: 'new-password', required: true, minlength: 10, 'data-testid': 'new-password' });
  const create = h('button', { type: 'submit', class: 'button button-primary', 'data-testid': 'new-account-save' }, t('account.create'));
  const createForm = h(
    'form',
    { class: 'account-form', 'data-testid': 'new-account-form' },
    h('h3', null, t('account.newHeading')),
    h('div', { class: 'field' }, h('label', { for: username.id }, t('admin.col.username')), username),
    h('div', { class: 'field' }, h('label', { for: displayName.id }, t('admin.col.displayName')), displayName),
    h('div', { class: 'field' }, h('label', { for: role.id }, t('admin.col.role')), role),
    h('div', { class: 'field' }, h('label', { for: organisation.id }, t('admin.col.organisation')), organisation),
    h('div', { class: 'field' }, h('label', { for: password.id }, t('account.firstPassword')), password),
    create,
  );
  createForm.addEventListener('submit', (e) => {
    e.preventDefault();
    void run(create, async () => {
      const u = await api.createUser({
        username: username.value.trim(),
        displayName: displayName.value.trim(),
        role: role.value,
        organisationId: organisation.value,
        password: password.value,
      });
      createForm.reset();
      return t('account.created', { name: u.username });
    });
  });

  // change an existing account
  const who = h('select', { id: 'account-user', 'data-testid': 'account-user' }, users.map((u) => h('option', { value: u.id }, `${u.username} — ${u.displayName}`)));
  const newRole = h('select', { id: 'account-role', 'data-testid': 'account-role' }, roleOptions());
  const changeRole = h('button', { type: 'button', class: 'button', 'data-testid': 'account-role-save' }, t('account.changeRole'));
  const newPassword = h('input', { id: 'account-password', type: 'password', autocomplete: 'new-password', minlength: 10, 'data-testid': 'account-password' });
  const reset = h('button', { type: 'button', class: 'button', 'data-testid': 'account-password-save' }, t('account.resetPassword'));
  const nameOf = () => users.find((u) => u.id === who.value)?.username ?? who.value;
  changeRole.addEventListener('click', () =>
    void run(changeRole, async () => {
      await api.changeRole(who.value, newRole.value);
      return t('account.roleChanged', { name: nameOf(), role: tDynamic(`role.${newRole.value}`, newRole.value) });
    }),
  );
  reset.addEventListener('click', () =>
    void run(reset, async () => {
      await api.resetPassword(who.value, newPassword.value);
      newPassword.value = '';
      return t('account.passwordReset', { name: nameOf() });
    }),
  );
  const changeForm = h(
    'div',
    { class: 'account-form', 'data-testid': 'change-account-form' },
    h('h3', null, t('account.changeHeading')),
    h('p', { class: 'hint' }, t('account.changeHint')),
    h('div', { class: 'field' }, h('label', { for: who.id }, t('account.user')), who),
    h('div', { class: 'field' }, h('label', { for: newRole.id }, t('account.newRole')), newRole, changeRole),
    h('div', { class: 'field' }, h('label', { for: newPassword.id }, t('account.newPassword')), newPassword, reset),
  );
  return h('div', { class: 'account-forms' }, createForm, changeForm);
}
