// ADMIN: the anonymisation audit — every upload (preview, chat image, study instance), accepted or
// refused, filtered by organisation and outcome; a record opens to show which attributes were
// removed or replaced (by tag), which regions were masked, and the verifier's result; "re-verify"
// checks the stored object again now. CSV export of the same filter.
import { t } from '../i18n/i18n';
import { api } from '../shared/api';
import { showError } from '../shared/banner';
import { h, mount } from '../shared/dom';
import { formatTimestamp } from '../shared/format';
import { dataTable } from '../shared/table';
import type { AnonymisationRecord, AnonymisationUpload, Organisation } from '../shared/types';

const OUTCOMES = ['', 'ACCEPTED', 'DUPLICATE', 'CONFLICT', 'REJECTED'] as const;

export function anonymisationPanel(organisations: Promise<Organisation[]>): HTMLElement {
  const org = h('select', { id: 'anon-org', 'data-testid': 'anon-org' }, h('option', { value: '' }, t('anon.allOrganisations')));
  const outcome = h('select', { id: 'anon-outcome', 'data-testid': 'anon-outcome' },
    OUTCOMES.map((o) => h('option', { value: o }, o ? t(`anon.outcome.${o}` as 'anon.outcome.ACCEPTED') : t('anon.allOutcomes'))));
  const csv = h('a', { class: 'button', 'data-testid': 'anon-csv', href: 'api/admin/anonymisation/export.csv', download: 'anonymisation-audit.csv' }, t('anon.csv'));
  const tableBox = h('div', { 'data-testid': 'anon-table-box' }, h('p', { class: 'muted' }, t('common.loading')));
  const uploadsBox = h('div', { 'data-testid': 'anon-uploads-box' });
  const drillBox = h('div', { 'data-testid': 'anon-drill' });
  let uploadRef = '';
  const detailBox = h('div', { class: 'anon-detail', 'data-testid': 'anon-detail' });

  organisations
    .then((orgs) => {
      for (const o of orgs) org.append(h('option', { value: o.id }, o.name));
    })
    .catch(() => {
      /* the page's organisations table reports the failure */
    });

  const query = () => {
    const params = new URLSearchParams();
    if (org.value) params.set('organisationId', org.value);
    if (outcome.value) params.set('outcome', outcome.value);
    if (uploadRef) params.set('uploadRef', uploadRef);
    return params.toString();
  };

  const drillInto = (u: AnonymisationUpload | null) => {
    uploadRef = u?.uploadRef ?? '';
    mount(drillBox, u
      ? h('p', { class: 'note note-info' }, t('anon.drilled', { count: u.instances, at: formatTimestamp(u.firstAt) }), ' ',
          h('button', { type: 'button', class: 'button button-quiet', 'data-testid': 'anon-drill-clear', onclick: () => drillInto(null) }, t('anon.showAll')))
      : null);
    void load();
  };

  const loadUploads = async () => {
    const params = new URLSearchParams({ limit: '20' });
    if (org.value) params.set('organisationId', org.value);
    try {
      const uploads = await api.anonymisationUploads(params.toString());
      mount(uploadsBox, uploads.length === 0 ? null : uploadsTable(uploads, drillInto));
    } catch (error) {
      showError(error);
    }
  };

  const load = async () => {
    csv.setAttribute('href', `api/admin/anonymisation/export.csv?${query()}`);
    try {
      const records = await api.anonymisation(query());
      mount(tableBox, records.length === 0 ? h('p', { class: 'empty-state' }, t('anon.empty')) : table(records, open));
    } catch (error) {
      showError(error);
      mount(tableBox, h('p', { class: 'empty-state' }, t('common.loadFailed')));
    }
  };

  const open = async (id: string) => {
    try {
      renderDetail(await api.anonymisationRecord(id));
    } catch (error) {
      showError(error);
    }
  };

  const renderDetail = (r: AnonymisationRecord) => {
    const report = (r.report ?? {}) as {
      actions?: { tagPath: string; action: string }[];
      maskedRegions?: { x: number; y: number; width: number; height: number; source?: string }[];
      removed?: string[];
      dicomReport?: { actions?: { tagPath: string; action: string }[]; maskedRegions?: { x: number; y: number; width: number; height: number }[] };
      verification?: { findings?: unknown[] };
      outcome?: string;
    };
    const actions = report.actions ?? report.dicomReport?.actions ?? [];
    const regions = [...(report.maskedRegions ?? []), ...(report.dicomReport?.maskedRegions ?? [])];
    const changed = actions.filter((a) => a.action !== 'KEEP');
    const verify = h('button', { type: 'button', class: 'button button-primary', 'data-testid': 'anon-verify', disabled: !(r.outcome === 'ACCEPTED' || r.outcome === 'DUPLICATE') }, t('anon.reverify'));
    const verifyResult = h('p', { role: 'status', 'data-testid': 'anon-verify-result' },
      r.verifiedAt ? t(r.verifiedPassed ? 'anon.verifiedPassed' : 'anon.verifiedFailed', { at: formatTimestamp(r.verifiedAt), summary: r.verifiedSummary ?? '' }) : '');
    verify.addEventListener('click', async () => {
      verify.disabled = true;
      try {
        const result = await api.reverify(r.id);
        verifyResult.textContent = t(result.passed ? 'anon.verifiedPassed' : 'anon.verifiedFailed', { at: formatTimestamp(result.at), summary: `${result.method}: ${result.findings.join('; ') || '—'}` });
        verifyResult.dataset.passed = String(result.passed);
      } catch (error) {
        showError(error);
      } finally {
        verify.disabled = false;
      }
    });
    mount(
      detailBox,
      h('h3', null, t('anon.detailHeading')),
      h('p', null, `${r.objectKind} · ${r.channel} · ${r.mediaKind ?? '—'} · ${r.sizeBytes} B · ${r.actor} · ${formatTimestamp(r.receivedAt)}`),
      r.reason ? h('p', { class: 'field-error' }, `${r.reasonCode}: ${r.reason}`) : null,
      report.removed?.length ? h('p', { 'data-testid': 'anon-removed' }, t('preview.removed', { what: report.removed.join(', ') })) : null,
      h('p', { 'data-testid': 'anon-masked' }, t('anon.masked', { count: regions.length })),
      regions.length ? h('ul', null, regions.map((m) => h('li', null, `${m.x},${m.y} ${m.width}×${m.height}`))) : null,
      changed.length
        ? h('details', { 'data-testid': 'anon-actions' }, h('summary', null, t('anon.actions', { count: changed.length })),
            h('ul', { class: 'anon-tags' }, changed.map((a) => h('li', null, h('code', null, a.tagPath), ` ${a.action}`))))
        : null,
      h('div', { class: 'form-actions' }, verify),
      verifyResult,
    );
  };

  org.addEventListener('change', () => {
    void loadUploads();
    void load();
  });
  outcome.addEventListener('change', () => void load());
  void loadUploads();
  void load();

  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'anon-heading', 'data-testid': 'anonymisation-audit' },
    h('h2', { id: 'anon-heading' }, t('anon.heading')),
    h('div', { class: 'field-row' },
      h('div', { class: 'field' }, h('label', { for: org.id }, t('anon.organisation')), org),
      h('div', { class: 'field' }, h('label', { for: outcome.id }, t('anon.outcome')), outcome),
      h('div', { class: 'field' }, csv)),
    uploadsBox,
    drillBox,
    tableBox,
    detailBox,
  );
}

function table(records: readonly AnonymisationRecord[], open: (id: string) => void): HTMLElement {
  return dataTable(
    t('anon.heading'),
    [
      { header: t('anon.col.at'), cell: (r) => formatTimestamp(r.receivedAt) },
      { header: t('anon.col.kind'), cell: (r) => `${r.objectKind} · ${r.channel}` },
      { header: t('anon.col.actor'), cell: (r) => r.actor },
      { header: t('anon.col.outcome'), cell: (r) => h('span', { 'data-outcome': r.outcome }, r.outcome) },
      { header: t('anon.col.reason'), cell: (r) => r.reasonCode ?? '—' },
      { header: t('anon.col.verified'), cell: (r) => (r.verifiedPassed == null ? '—' : r.verifiedPassed ? '✓' : '✗') },
      { header: '', cell: (r) => h('button', { type: 'button', class: 'button button-quiet', 'data-testid': 'anon-open', onclick: () => open(r.id) }, t('anon.open')) },
    ],
    records,
    'anon-table',
  );
}

/** Full-study uploads, one line each; "instances" lists the upload's records below. */
function uploadsTable(uploads: readonly AnonymisationUpload[], drill: (u: AnonymisationUpload) => void): HTMLElement {
  return dataTable(
    t('anon.uploadsHeading'),
    [
      { header: t('anon.col.at'), cell: (u) => formatTimestamp(u.lastAt) },
      { header: t('anon.col.kind'), cell: (u) => u.channels.join(', ') },
      { header: t('anon.col.actor'), cell: (u) => u.senders.join(', ') },
      { header: t('anon.col.instances'), cell: (u) => String(u.instances) },
      {
        header: t('anon.col.outcome'),
        cell: (u) => Object.entries(u.outcomes).map(([o, n]) => `${t(`anon.outcome.${o}` as 'anon.outcome.ACCEPTED')} ${n}`).join(' · '),
      },
      { header: '', cell: (u) => h('button', { type: 'button', class: 'button button-quiet', 'data-testid': 'anon-upload-open', 'data-upload-ref': u.uploadRef, onclick: () => drill(u) }, t('anon.instances')) },
    ],
    uploads,
    'anon-uploads',
  );
}
