// #/reports/<id>: the structured report of one study. The expert claims it, fills in the form,
// sees the severity table's proposal with the thresholds that applied, the routing text and the
// confirmed-case check, signs; another expert gives the second read; addenda after delivery.
// The study is shown in the embedded viewer (mounted once; the report around it re-renders).
// Kept current by the live channel: a report.changed for this report that moves its state or
// holder (a second reader returns it, another expert claims it) reloads it.
import { layout } from '../app/layout';
import { liveChannel } from '../app/live-session';
import { viewerHref } from '../app/router';
import type { View } from '../app/view';
import { currentUser } from '../auth/session';
import { lang, t, tDynamic } from '../i18n/i18n';
import { showError } from '../shared/banner';
import { h, mount } from '../shared/dom';
import { formatDateTime } from '../shared/format';
import { isReportEvent } from '../shared/live';
import { mountViewer, type ViewerHandle } from '../viewer/mount';
import { CT_CLASSES, type Draft, reportingApi, type ReportView, type Routing, sameReport } from './reporting-api';

const FINDINGS: (keyof Draft)[] = ['groundGlass', 'consolidation', 'crazyPaving', 'reticular', 'hydrothorax'];
const DISTRIBUTION: (keyof Draft)[] = ['bilateral', 'lowerLobe', 'peripheral', 'perivascular'];
const FLAGS: (keyof Draft)[] = ['shock', 'multipleOrganFailure', 'respiratoryFailure', 'otherCauseKnown'];
const NUMBERS: (keyof Draft)[] = ['involvementRightPct', 'involvementLeftPct', 'involvementTotalPct', 'previousTotalPct', 'hoursSincePrevious'];

export function reportPage(reportId: string): View {
  const content = h('div', { 'data-testid': 'report-page' }, h('p', { class: 'muted' }, t('reporting.loading')));
  const summaryBox = h('div');
  const viewerBox = h('div', { class: 'viewer-host' });
  const rest = h('div');
  let viewer: ViewerHandle | null = null;
  let current: ReportView | null = null;
  let disposed = false;
  const routing = (r: Routing | null | undefined) => (r ? `${lang() === 'ru' ? r.nameRu : r.nameEn}: ${lang() === 'ru' ? r.ru : r.en}` : '–');

  const run = (action: Promise<ReportView>) => action.then(render).catch(showError);

  function form(view: ReportView): HTMLElement {
    const d = view.draft!;
    const editable = view.allowedCommands.includes('SAVE_DRAFT') && view.item.holderUserId === currentUser()?.id;
    const box = (name: keyof Draft) =>
      h('label', { class: 'check' }, h('input', { type: 'checkbox', name, checked: Boolean(d[name]), disabled: !editable, 'data-testid': `f-${name}` }), ' ', tDynamic(`reporting.f.${name}`, name));
    const num = (name: keyof Draft) =>
      h('label', null, tDynamic(`reporting.f.${name}`, name), h('input', { type: 'number', min: 0, max: name === 'hoursSincePrevious' ? 87600 : 100, name, value: d[name] ?? '', disabled: !editable, 'data-testid': `f-${name}` }));
    const select = (name: keyof Draft, values: string[], prefix: string) =>
      h('label', null, tDynamic(`reporting.f.${name}`, name),
        h('select', { name, disabled: !editable, 'data-testid': `f-${name}` }, h('option', { value: '' }, '–'),
          ...values.map((v) => { const o = h('option', { value: v }, tDynamic(`${prefix}${v}`, v)); o.selected = d[name] === v; return o; })));
    const area = (name: keyof Draft) =>
      h('label', null, tDynamic(`reporting.f.${name}`, name), h('textarea', { name, rows: 3, maxlength: 4000, disabled: !editable, 'data-testid': `f-${name}` }, (d[name] as string | null) ?? ''));
    const el = h('form', { class: 'report-form', 'data-testid': 'report-form' },
      h('fieldset', null, h('legend', null, t('reporting.findings')), ...FINDINGS.map(box), select('hydrothoraxSide', ['LEFT', 'RIGHT', 'BILATERAL'], 'reporting.side.')),
      h('fieldset', null, h('legend', null, t('reporting.distribution')), ...DISTRIBUTION.map(box)),
      h('fieldset', null, h('legend', null, t('reporting.involvement')), ...NUMBERS.map(num), select('dynamics', ['NO_PREVIOUS', 'IMPROVED', 'STABLE', 'WORSE'], 'reporting.dynamics.')),
      h('fieldset', null, h('legend', null, t('reporting.clinicalFlags')), ...FLAGS.map(box)),
      h('fieldset', null, h('legend', null, t('reporting.decision')), select('ctClass', CT_CLASSES, 'reporting.class.'), area('disagreementComment'), area('conclusion'), area('recommendations')),
    );
    const read = (): Draft => {
      const data = new FormData(el);
      const out: Record<string, unknown> = {};
      for (const k of [...FINDINGS, ...DISTRIBUTION, ...FLAGS]) out[k] = data.get(k) === 'on';
      for (const k of NUMBERS) out[k] = data.get(k) === '' || data.get(k) === null ? null : Number(data.get(k));
      for (const k of ['hydrothoraxSide', 'dynamics', 'ctClass', 'disagreementComment', 'conclusion', 'recommendations']) {
        const v = data.get(k);
        out[k] = v === null || v === '' ? null : String(v);
      }
      return out as unknown as Draft;
    };
    if (editable) {
      el.append(h('div', { class: 'actions' },
        h('button', { type: 'button', 'data-testid': 'save-draft', onclick: () => run(reportingApi.saveDraft(reportId, read())) }, t('reporting.save')),
        h('button', { type: 'button', class: 'primary', 'data-testid': 'sign', onclick: () => run(reportingApi.saveDraft(reportId, read()).then(() => reportingApi.sign(reportId))) }, t('reporting.sign')),
      ));
    }
    return el;
  }

  function proposal(view: ReportView): HTMLElement | null {
    const p = view.proposal;
    if (!p) return null;
    return h('section', { class: 'card', 'data-testid': 'proposal' },
      h('h2', null, t('reporting.proposal')),
      h('p', null, h('strong', { 'data-testid': 'proposed-class' }, tDynamic(`reporting.class.${p.proposed}`, p.proposed)),
        ' · ', t('reporting.imagingClass'), ': ', tDynamic(`reporting.class.${p.imagingClass}`, p.imagingClass),
        ' · ', t('reporting.clinicalClass'), ': ', p.clinicalClass ? tDynamic(`reporting.class.${p.clinicalClass}`, p.clinicalClass) : '–'),
      h('ul', { 'data-testid': 'thresholds' }, ...p.applied.map((a) => h('li', null, `${tDynamic(`reporting.class.${a.row}`, a.row)}: ${lang() === 'ru' ? a.ru : a.en}`))),
      h('p', { 'data-testid': 'proposed-routing' }, t('reporting.routing'), ': ', routing(view.proposedRouting)),
      view.chosenRouting ? h('p', { 'data-testid': 'chosen-routing' }, t('reporting.chosenRouting'), ': ', routing(view.chosenRouting)) : null,
      view.confirmedCase ? h('p', { 'data-testid': 'confirmed-case' }, view.confirmedCase.confirmed ? t('reporting.confirmed')
        : t('reporting.notConfirmed', { missing: view.confirmedCase.missing.map((m) => tDynamic(`reporting.missing.${m}`, m)).join(', ') })) : null,
    );
  }

  function versions(view: ReportView): HTMLElement {
    return h('section', { class: 'card', 'data-testid': 'versions' }, h('h2', null, t('reporting.versions')),
      view.versions.length === 0 ? h('p', { class: 'muted' }, t('reporting.noVersions')) : null,
      ...view.versions.map((v) => h('article', { 'data-testid': 'version' },
        h('h3', null, v.kind === 'ADDENDUM' ? t('reporting.addendum', { n: v.number }) : t('reporting.version', { n: v.number })),
        v.content ? h('p', null, tDynamic(`reporting.class.${v.content.ctClass}`, v.content.ctClass ?? ''), ' — ', routing(v.routing)) : null,
        v.content?.conclusion ? h('p', null, v.content.conclusion) : null,
        v.content?.recommendations ? h('p', null, v.content.recommendations) : null,
        v.addendumText ? h('p', null, v.addendumText) : null,
        h('p', { class: 'muted' }, t('reporting.signedBy', { name: v.signedByName, at: formatDateTime(v.signedAt) })),
        v.secondReadAt ? h('p', { class: 'muted', 'data-testid': 'second-read-line' }, t(v.secondReadAgrees ? 'reporting.secondAgreed' : 'reporting.secondReturned', { name: v.secondReaderName ?? '', at: formatDateTime(v.secondReadAt) }), v.secondReadComment ? ` — ${v.secondReadComment}` : '') : null,
      )));
  }

  function commands(view: ReportView): HTMLElement {
    const me = currentUser();
    const bar = h('div', { class: 'actions', 'data-testid': 'report-commands' });
    const allowed = new Set(view.allowedCommands);
    const isExpert = me?.role === 'EXPERT';
    if (isExpert && allowed.has('CLAIM')) bar.append(h('button', { class: 'primary', 'data-testid': 'claim', onclick: () => run(reportingApi.claim(reportId)) }, t('reporting.claim')));
    if (allowed.has('RELEASE') && (view.item.holderUserId === me?.id || me?.role === 'ADMIN'))
      bar.append(h('button', { 'data-testid': 'release', onclick: () => run(reportingApi.release(reportId)) }, t('reporting.release')));
    if (isExpert && allowed.has('SECOND_READ_AGREE')) {
      const comment = h('textarea', { rows: 2, maxlength: 4000, 'data-testid': 'second-read-comment', 'aria-label': t('reporting.comment') });
      bar.append(h('div', { 'data-testid': 'second-read' }, h('h2', null, t('reporting.secondRead')), comment,
        h('button', { class: 'primary', 'data-testid': 'agree', onclick: () => run(reportingApi.secondRead(reportId, true, comment.value)) }, t('reporting.agree')),
        h('button', { 'data-testid': 'disagree', onclick: () => run(reportingApi.secondRead(reportId, false, comment.value)) }, t('reporting.disagree'))));
    }
    if (isExpert && allowed.has('ADD_ADDENDUM')) {
      const text = h('textarea', { rows: 2, maxlength: 4000, 'data-testid': 'addendum-text', 'aria-label': t('reporting.addendumLabel') });
      bar.append(h('div', null, h('h2', null, t('reporting.addendumLabel')), text,
        h('button', { 'data-testid': 'add-addendum', onclick: () => run(reportingApi.addendum(reportId, text.value)) }, t('reporting.addAddendum'))));
    }
    if (view.item.state === 'DELIVERED') {
      bar.append(h('p', null, h('a', { href: reportingApi.pdfHref(reportId, lang()), 'data-testid': 'pdf-link' }, t('reporting.pdf')), ' · ',
        h('a', { href: reportingApi.srHref(reportId), 'data-testid': 'sr-link' }, t('reporting.sr'))));
    }
    return bar;
  }

  function render(view: ReportView): void {
    if (disposed) return;
    if (current && viewer && sameReport(current, view)) return; // already shown; keep the form's input
    current = view;
    const i = view.item;
    if (!viewer) {
      mount(content, summaryBox,
        h('section', { class: 'card viewer-slot', 'data-testid': 'viewer-slot' },
          h('h2', null, t('reporting.images')), viewerBox,
          h('p', null, h('a', { href: viewerHref(i.studyInstanceUid), 'data-testid': 'open-viewer' }, t('reporting.openViewer')))),
        rest);
      // mounted once, when the slot is in the document (cornerstone measures its elements)
      viewer = mountViewer(viewerBox, i.studyInstanceUid);
    }
    mount(summaryBox,
      h('section', { class: 'card' },
        h('p', null, h('strong', null, i.organisationName ?? ''), ' · ', tDynamic(`reporting.priority.${i.priority}`, i.priority), ' · ',
          h('span', { 'data-testid': 'report-state' }, tDynamic(`reporting.state.${i.state}`, i.state)), i.holderName ? ` · ${i.holderName}` : ''),
        h('p', null, t('reporting.col.question'), ': ', i.question ?? '–'),
        h('p', null, t('reporting.col.clinical'), ': ', i.clinicalSummary ?? '–'),
        h('p', null, t('reporting.col.ai'), ': ', i.aiSummary ?? t('reporting.noAi')),
        h('p', null, t('reporting.col.due'), ': ', formatDateTime(i.dueAt)),
      ));
    mount(rest,
      commands(view),
      proposal(view),
      view.draft ? h('section', { class: 'card' }, h('h2', null, t('reporting.form')), form(view)) : null,
      versions(view),
    );
  }

  const live = liveChannel();
  const unsubscribe = live.onMessage((message) => {
    if (!isReportEvent(message) || message.case.reportId !== reportId || !current) return;
    // own commands answer with the new view; only a change made elsewhere reloads
    if (message.case.state !== current.item.state || message.case.state === 'IN_REPORTING') {
      void reportingApi.report(reportId).then((view) => {
        if (current && view.item.state === current.item.state && view.item.holderUserId === current.item.holderUserId) return;
        render(view);
      }).catch(() => undefined);
    }
  });
  live.start();
  // the document holds the page once this task ends: the viewer is mounted on the first render
  queueMicrotask(() => void reportingApi.report(reportId).then(render).catch(showError));
  return layout({
    title: t('reporting.title'),
    live,
    dispose: () => {
      disposed = true;
      unsubscribe();
      viewer?.dispose();
    },
    content: [h('h1', { class: 'page-title', 'data-testid': 'page-heading' }, t('reporting.title')), content],
  });
}
