// ADMIN: the audit log — search by actor, object, action and period; security alerts (failed
// logins, refused access, configuration changes, any failed or refused outcome) stand out; and the
// hash-chain verification that names the first altered or missing record.
import { t, tDynamic } from '../i18n/i18n';
import { api } from '../shared/api';
import { showError } from '../shared/banner';
import { h, mount } from '../shared/dom';
import { formatTimestamp } from '../shared/format';
import { dataTable } from '../shared/table';
import type { AuditRecord, ChainVerification } from '../shared/types';

const LIMIT = 200;

/** The audit vocabulary offered in the action filter (the server refuses unknown names). */
const ACTIONS = [
  'USER_LOGIN', 'USER_LOGIN_FAILED', 'USER_LOGOUT', 'ACCESS_REFUSED', 'CONFIGURATION_CHANGED',
  'CASE_CREATED', 'CASE_ACCESSED', 'CASES_QUERIED', 'CASE_CLAIMED', 'CASE_RELEASED', 'CASE_REASSIGNED',
  'CASE_DECLINED', 'CASE_ANSWERED', 'FULL_STUDY_REQUESTED', 'CASE_CANCELLED', 'CASE_MESSAGE_POSTED',
  'PREVIEW_UPLOADED', 'UPLOAD_SESSION_OPENED', 'INSTANCE_REJECTED', 'INSTANCES_TRANSFERRED',
  'ANONYMISATION_AUDIT_QUERIED', 'ANONYMISATION_AUDIT_EXPORTED', 'OBJECT_REVERIFIED', 'WORKLOAD_QUERIED',
  'AUDIT_LOG_READ', 'AUDIT_LOG_VERIFIED', 'APPLICATION_STARTED',
];

const ALERT_ACTIONS = new Set(['USER_LOGIN_FAILED', 'ACCESS_REFUSED', 'CONFIGURATION_CHANGED']);

/** A security alert: a failed login, refused access, a configuration change, or any outcome but success. */
export function isSecurityAlert(r: AuditRecord): boolean {
  return ALERT_ACTIONS.has(r.action) || r.outcome !== 'SUCCESS';
}

function isoOrEmpty(local: string): string {
  return local ? new Date(local).toISOString() : '';
}

export function auditPanel(organisationName: (id: string | null | undefined) => string): HTMLElement {
  const tableBox = h('div', { 'data-testid': 'audit-table-box' }, h('p', { class: 'muted' }, t('common.loading')));
  const result = h('div', { class: 'verify-result', role: 'status', 'data-testid': 'verify-result' });
  const verifyButton = h('button', { type: 'button', class: 'button button-primary', 'data-testid': 'verify-chain' }, t('audit.verify'));
  const refreshButton = h('button', { type: 'button', class: 'button' }, t('common.refresh'));

  const actor = h('input', { id: 'audit-actor', type: 'search', autocomplete: 'off', 'data-testid': 'audit-filter-actor' });
  const objectId = h('input', { id: 'audit-object', type: 'search', autocomplete: 'off', 'data-testid': 'audit-filter-object' });
  const action = h(
    'select',
    { id: 'audit-action', 'data-testid': 'audit-filter-action' },
    h('option', { value: '' }, t('audit.anyAction')),
    ACTIONS.map((a) => h('option', { value: a }, a)),
  );
  const from = h('input', { id: 'audit-from', type: 'datetime-local', 'data-testid': 'audit-filter-from' });
  const to = h('input', { id: 'audit-to', type: 'datetime-local', 'data-testid': 'audit-filter-to' });
  const alertsOnly = h('input', { id: 'audit-alerts-only', type: 'checkbox', 'data-testid': 'audit-alerts-only' });
  const summary = h('p', { class: 'hint', 'data-testid': 'audit-alert-summary' });
  const filters = h(
    'form',
    { class: 'audit-filters', 'data-testid': 'audit-filters' },
    h('div', { class: 'field' }, h('label', { for: actor.id }, t('audit.filter.actor')), actor),
    h('div', { class: 'field' }, h('label', { for: objectId.id }, t('audit.filter.object')), objectId),
    h('div', { class: 'field' }, h('label', { for: action.id }, t('audit.filter.action')), action),
    h('div', { class: 'field' }, h('label', { for: from.id }, t('audit.filter.from')), from),
    h('div', { class: 'field' }, h('label', { for: to.id }, t('audit.filter.to')), to),
    h('div', { class: 'field' }, h('label', null, alertsOnly, ' ', t('audit.filter.alertsOnly'))),
    h('div', { class: 'field' }, h('button', { type: 'submit', class: 'button', 'data-testid': 'audit-search' }, t('audit.search'))),
  );

  let records: AuditRecord[] = [];
  let badSequence: number | null = null;
  const renderTable = () => {
    const alerts = records.filter(isSecurityAlert).length;
    summary.textContent = t('audit.alertSummary', { alerts, shown: records.length });
    summary.classList.toggle('note-bad', alerts > 0);
    const rows = alertsOnly.checked ? records.filter(isSecurityAlert) : records;
    mount(
      tableBox,
      rows.length === 0
        ? h('p', { class: 'empty-state' }, t('audit.empty'))
        : auditTable(rows, organisationName, badSequence),
    );
  };

  const load = async () => {
    refreshButton.disabled = true;
    try {
      records = await api.audit(LIMIT, {
        actor: actor.value.trim(),
        objectId: objectId.value.trim(),
        action: action.value,
        from: isoOrEmpty(from.value),
        to: isoOrEmpty(to.value),
      });
      renderTable();
    } catch (error) {
      showError(error);
      mount(tableBox, h('p', { class: 'empty-state' }, t('common.loadFailed')));
    } finally {
      refreshButton.disabled = false;
    }
  };

  verifyButton.addEventListener('click', async () => {
    verifyButton.disabled = true;
    mount(result, h('p', { class: 'muted' }, t('audit.verifying')));
    try {
      const v = await api.verifyAudit();
      mount(result, verification(v));
      badSequence = v.intact ? null : (v.firstBadSequence ?? null);
      if (records.length > 0) renderTable(); // marks the first bad record if it is shown
    } catch (error) {
      result.replaceChildren();
      showError(error);
    } finally {
      verifyButton.disabled = false;
    }
  });
  refreshButton.addEventListener('click', () => void load());
  filters.addEventListener('submit', (e) => {
    e.preventDefault();
    void load();
  });
  alertsOnly.addEventListener('change', renderTable);
  void load();

  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'audit-heading', 'data-testid': 'audit-log' },
    h(
      'div',
      { class: 'card-head' },
      h('h2', { id: 'audit-heading' }, t('audit.heading', { limit: LIMIT })),
      h('div', { class: 'card-actions' }, refreshButton, verifyButton),
    ),
    result,
    filters,
    summary,
    tableBox,
  );
}

function verification(v: ChainVerification): HTMLElement {
  if (v.intact) {
    return h('p', { class: 'note note-ok', 'data-intact': 'true' }, '✔ ', t('audit.intact', { checked: v.checked }));
  }
  return h(
    'div',
    { class: 'note note-bad', 'data-intact': 'false' },
    h('p', null, h('strong', null, '✖ ', t('audit.broken', { checked: v.checked }))),
    v.firstBadSequence != null ? h('p', null, t('audit.firstBad', { sequence: v.firstBadSequence })) : null,
    v.problem ? h('p', null, t('audit.problem', { problem: v.problem })) : null,
  );
}

function auditTable(
  records: readonly AuditRecord[],
  organisationName: (id: string | null | undefined) => string,
  badSequence: number | null,
): HTMLElement {
  return dataTable(
    t('audit.heading', { limit: LIMIT }),
    [
      { header: t('audit.col.sequence'), cell: (r) => String(r.sequence), className: 'num' },
      { header: t('audit.col.at'), cell: (r) => h('time', { datetime: r.at }, formatTimestamp(r.at)), className: 'nowrap' },
      { header: t('audit.col.actor'), cell: (r) => r.actor ?? '—' },
      { header: t('audit.col.organisation'), cell: (r) => organisationName(r.organisationId) },
      {
        header: t('audit.col.action'),
        cell: (r) => [h('code', null, r.action), isSecurityAlert(r) ? h('span', { class: 'alert-badge' }, t('audit.alert')) : null],
      },
      {
        header: t('audit.col.object'),
        cell: (r) => (r.objectType ? `${r.objectType}${r.objectId ? ' ' + shortId(r.objectId) : ''}` : '—'),
      },
      {
        header: t('audit.col.outcome'),
        cell: (r) => h('span', { class: 'outcome', 'data-outcome': r.outcome }, tDynamic(`outcome.${r.outcome}`, r.outcome)),
      },
    ],
    records,
    'audit-table',
    (r) => (r.sequence === badSequence ? 'row-bad' : isSecurityAlert(r) ? 'row-alert' : undefined),
  );
}

function shortId(id: string): string {
  return id.length > 13 ? `${id.slice(0, 8)}…` : id;
}
