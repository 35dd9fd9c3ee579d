// ADMIN: the latest audit records and the hash-chain verification.
import { t, tDynamic } from '../i18n/i18n';
import { api } from '../shared/api';
import { showError } from '../shared/banner';
import { h, mount } from '../shared/dom';
import { formatTimestamp } from '../shared/format';
import { dataTable } from '../shared/table';
import type { AuditRecord, ChainVerification } from '../shared/types';

const LIMIT = 50;

export function auditPanel(organisationName: (id: string | null | undefined) => string): HTMLElement {
  const tableBox = h('div', { 'data-testid': 'audit-table-box' }, h('p', { class: 'muted' }, t('common.loading')));
  const result = h('div', { class: 'verify-result', role: 'status', 'data-testid': 'verify-result' });
  const verifyButton = h('button', { type: 'button', class: 'button button-primary', 'data-testid': 'verify-chain' }, t('audit.verify'));
  const refreshButton = h('button', { type: 'button', class: 'button' }, t('common.refresh'));

  let records: AuditRecord[] = [];
  let badSequence: number | null = null;
  const renderTable = () =>
    mount(
      tableBox,
      records.length === 0
        ? h('p', { class: 'empty-state' }, t('audit.empty'))
        : auditTable(records, organisationName, badSequence),
    );

  const load = async () => {
    refreshButton.disabled = true;
    try {
      records = await api.audit(LIMIT);
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
  void load();

  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'audit-heading' },
    h(
      'div',
      { class: 'card-head' },
      h('h2', { id: 'audit-heading' }, t('audit.heading', { limit: LIMIT })),
      h('div', { class: 'card-actions' }, refreshButton, verifyButton),
    ),
    result,
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
      { header: t('audit.col.action'), cell: (r) => h('code', null, r.action) },
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
    (r) => (r.sequence === badSequence ? 'row-bad' : undefined),
  );
}

function shortId(id: string): string {
  return id.length > 13 ? `${id.slice(0, 8)}…` : id;
}
