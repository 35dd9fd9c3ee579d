// ADMIN: the admin console in tabs — duty roster and open cases, anonymisation audit, audit log
// with chain verification, organisations and users, workload dashboard, AI quality.
import { layout } from '../app/layout';
import { liveChannel } from '../app/live-session';
import { CaseFeed } from '../cases/case-feed';
import { caseList } from '../cases/case-list';
import { byUrgency, isOpen, overdueAlert } from '../cases/triage-page';
import type { View } from '../app/view';
import { currentUser } from '../auth/session';
import { t, tDynamic } from '../i18n/i18n';
import { api } from '../shared/api';
import { showError } from '../shared/banner';
import { h, mount } from '../shared/dom';
import { dataTable } from '../shared/table';
import type { Organisation, User } from '../shared/types';
import { aiQualityPanel } from './ai-quality-panel';
import { anonymisationPanel } from './anonymisation-panel';
import { accountForms } from './account-forms';
import { auditPanel } from './audit-panel';
import { organisationsPanel } from './organisations-panel';
import { rosterPanel } from './roster-panel';
import { adminTabs } from './tabs';
import { workloadPanel } from './workload-panel';
import { reportBreachAlert } from '../reporting/breach-alert';

export function adminHome(): View {
  const names = new Map<string, string>();
  const organisationName = (id: string | null | undefined) => (id ? (names.get(id) ?? id) : '—');

  const orgBox = h('div', null, h('p', { class: 'muted' }, t('common.loading')));
  const userBox = h('div', null, h('p', { class: 'muted' }, t('common.loading')));

  const orgs = api.organisations();
  orgs.then((orgs) => orgs.forEach((o) => names.set(o.id, o.name))).catch(() => undefined);
  mount(orgBox, organisationsPanel(orgs, (list) => list.forEach((o) => names.set(o.id, o.name))));
  const users = api.users();
  const accountStatus = h('p', { class: 'hint', role: 'status', 'data-testid': 'account-status' });
  const showUsers = (list: User[], organisations: Organisation[]) =>
    mount(userBox, usersTable(list), accountStatus, accountForms(list, organisations, reloadUsers, accountStatus));
  const reloadUsers = () => {
    Promise.all([api.users(), api.organisations()])
      .then(([list, organisations]) => showUsers(list, organisations))
      .catch(showError);
  };
  Promise.all([users, orgs])
    .then(([list, organisations]) => showUsers(list, organisations))
    .catch((error) => {
      showError(error);
      mount(userBox, h('p', { class: 'empty-state' }, t('common.loadFailed')));
    });

  // open cases of all organisations, live; an alert while any is overdue for triage
  const live = liveChannel();
  const feed = new CaseFeed(isOpen);
  const openCases = caseList({ feed, labelledBy: 'open-cases-heading', emptyText: 'triage.empty', showOrganisation: true, sort: byUrgency });
  const alert = overdueAlert(feed);
  // stage II: reports past their time limit, live
  const reportAlert = reportBreachAlert(live);
  feed.start(live).catch((error) => {
    showError(error);
    openCases.failed();
  });

  const people = h(
    'div',
    { class: 'columns' },
    h('section', { class: 'card', 'aria-labelledby': 'orgs-heading' }, h('h2', { id: 'orgs-heading' }, t('admin.organisations')), orgBox),
    h('section', { class: 'card', 'aria-labelledby': 'users-heading' }, h('h2', { id: 'users-heading' }, t('admin.users')), userBox),
  );
  const tabs = adminTabs([
    {
      id: 'overview',
      label: t('admin.tab.overview'),
      create: () => ({
        element: h(
          'div',
          null,
          rosterPanel(users),
          h(
            'section',
            { class: 'card', 'aria-labelledby': 'open-cases-heading', 'data-testid': 'admin-open-cases' },
            h('h2', { id: 'open-cases-heading' }, t('admin.openCases')),
            openCases.element,
          ),
        ),
      }),
    },
    { id: 'anonymisation', label: t('admin.tab.anonymisation'), create: () => ({ element: anonymisationPanel(orgs) }) },
    { id: 'audit', label: t('admin.tab.audit'), create: () => ({ element: auditPanel(organisationName) }) },
    { id: 'people', label: t('admin.tab.people'), create: () => ({ element: people }) },
    { id: 'dashboard', label: t('admin.tab.dashboard'), create: () => workloadPanel() },
    { id: 'ai', label: t('admin.tab.ai'), create: () => aiQualityPanel() },
  ]);

  return layout({
    title: t('admin.title'),
    live,
    dispose: () => {
      tabs.dispose();
      reportAlert.dispose();
      feed.stop();
      openCases.dispose();
    },
    content: [h('h1', { class: 'page-title', 'data-testid': 'page-heading' }, t('admin.title')), alert, reportAlert.element, tabs.element],
  });
}


function usersTable(users: readonly User[]): HTMLElement {
  return dataTable(
    t('admin.users'),
    [
      { header: t('admin.col.username'), cell: (u) => h('code', null, u.username) },
      { header: t('admin.col.displayName'), cell: (u) => u.displayName },
      { header: t('admin.col.role'), cell: (u) => tDynamic(`role.${u.role}`, u.role) },
      { header: t('admin.col.organisation'), cell: (u) => u.organisationName },
      { header: t('admin.col.enabled'), cell: (u) => (u.enabled ? t('common.yes') : t('common.no')) },
      { header: '', cell: (u) => enableToggle(u) },
    ],
    users,
    'users-table',
  );
}

/** Disable (ends the user's sessions and sockets at once) or re-enable an account. */
function enableToggle(u: User): HTMLElement | string {
  if (u.id === currentUser()?.id) return '—';
  const button = h('button', { type: 'button', class: u.enabled ? 'button button-danger' : 'button', 'data-testid': `user-toggle-${u.username}` },
    t(u.enabled ? 'admin.disable' : 'admin.enable'));
  button.addEventListener('click', async () => {
    if (u.enabled && !window.confirm(t('admin.disableConfirm', { name: u.displayName }))) return;
    button.disabled = true;
    try {
      const changed = u.enabled ? await api.disableUser(u.id) : await api.enableUser(u.id);
      u.enabled = changed.enabled;
      button.textContent = t(u.enabled ? 'admin.disable' : 'admin.enable');
      button.className = u.enabled ? 'button button-danger' : 'button';
      const cell = button.closest('tr')?.children[4];
      if (cell) cell.textContent = u.enabled ? t('common.yes') : t('common.no');
    } catch (error) {
      showError(error);
    } finally {
      button.disabled = false;
    }
  });
  return button;
}
