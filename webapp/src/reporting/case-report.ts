// The delivered expert report on the case page (the doctor's view, also the reference centre's):
// each signed version (class, routing, conclusion, signer, second reader) and addenda, the PDF in
// the reader's language (opens in the browser) and the DICOM SR to download. Reloaded when the
// "report delivered" note arrives in the case's chat (live), so it appears without a reload.
import { lang, t, tDynamic } from '../i18n/i18n';
import { h, mount } from '../shared/dom';
import { formatDateTime } from '../shared/format';
import { reportingApi, type ReportView, type Routing } from './reporting-api';

export function caseReports(caseId: string): { element: HTMLElement; reload: () => void } {
  const body = h('div', { 'data-testid': 'case-reports-body' });
  const element = h('section', { class: 'card', 'aria-labelledby': 'case-reports-heading', 'data-testid': 'case-reports', hidden: true },
    h('h2', { id: 'case-reports-heading' }, t('caseReport.heading')), body);
  const routing = (r: Routing | null | undefined) => (r ? `${lang() === 'ru' ? r.nameRu : r.nameEn}: ${lang() === 'ru' ? r.ru : r.en}` : '');
  let loading = false;
  let again = false;

  const one = (view: ReportView) =>
    h('article', { class: 'case-report', 'data-testid': 'case-report', 'data-report-id': view.item.reportId },
      ...view.versions.map((v) => h('div', { 'data-testid': 'case-report-version', 'data-kind': v.kind },
        h('h3', null, v.kind === 'ADDENDUM' ? t('reporting.addendum', { n: v.number }) : t('reporting.version', { n: v.number })),
        v.content?.ctClass ? h('p', null, h('strong', { 'data-testid': 'case-report-class' }, tDynamic(`reporting.class.${v.content.ctClass}`, v.content.ctClass)), ' — ', routing(v.routing)) : null,
        v.content?.conclusion ? h('p', { 'data-testid': 'case-report-conclusion' }, v.content.conclusion) : null,
        v.content?.recommendations ? h('p', null, v.content.recommendations) : null,
        v.addendumText ? h('p', { 'data-testid': 'case-report-addendum' }, v.addendumText) : null,
        h('p', { class: 'muted' }, t('reporting.signedBy', { name: v.signedByName, at: formatDateTime(v.signedAt) })),
        v.secondReadAt && v.secondReadAgrees ? h('p', { class: 'muted' }, t('reporting.secondAgreed', { name: v.secondReaderName ?? '', at: formatDateTime(v.secondReadAt) })) : null,
      )),
      h('p', { class: 'case-report-documents' },
        h('a', { href: reportingApi.pdfHref(view.item.reportId, lang()), target: '_blank', rel: 'noopener', 'data-testid': 'case-report-pdf' }, t('caseReport.pdf')),
        ' · ',
        h('a', { href: reportingApi.srHref(view.item.reportId), download: `report-${view.item.reportId}.dcm`, 'data-testid': 'case-report-sr' }, t('caseReport.sr'))),
    );

  const reload = () => {
    if (loading) {
      again = true;
      return;
    }
    loading = true;
    reportingApi.delivered(caseId)
      .then((items) => Promise.all(items.map((i) => reportingApi.report(i.reportId))))
      .then((views) => {
        element.hidden = views.length === 0;
        mount(body, ...views.map(one));
      })
      .catch(() => {
        /* a role without reports (the duty consultant) sees no section */
      })
      .finally(() => {
        loading = false;
        if (again) {
          again = false;
          reload();
        }
      });
  };
  return { element, reload };
}
