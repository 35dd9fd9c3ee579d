// The administrator's alert for stage II time limits: while any received study is past its
// reporting time limit and not yet delivered, a red note names how many, with a link to each.
// Live: every report.changed on the channel (the breach watch's BREACH among them) looks again.
import { t, tDynamic } from '../i18n/i18n';
import { h, mount } from '../shared/dom';
import { formatDateTime } from '../shared/format';
import { isReportEvent, type LiveChannel } from '../shared/live';
import { reportingApi, type WorklistItem } from './reporting-api';
import { reportHref } from './worklist-panel';

export function reportBreachAlert(live: LiveChannel): { element: HTMLElement; dispose: () => void } {
  const element = h('div', { 'data-testid': 'report-breach-alert', 'aria-live': 'polite' });
  let timer: number | undefined;

  const show = (late: WorklistItem[]) => {
    element.dataset.count = String(late.length);
    if (late.length === 0) {
      mount(element);
      return;
    }
    mount(element, h('div', { class: 'note note-bad', role: 'alert' },
      h('p', null, h('strong', null, t('reportAlert.title', { count: late.length }))),
      h('ul', null, ...late.slice(0, 10).map((i) => h('li', { 'data-testid': 'report-breach', 'data-report-id': i.reportId },
        h('a', { href: reportHref(i.reportId) }, i.organisationName ?? i.caseId), ' · ',
        tDynamic(`reporting.priority.${i.priority}`, i.priority), ' · ',
        t('reportAlert.due', { at: formatDateTime(i.dueAt) }), ' · ',
        tDynamic(`reporting.state.${i.state}`, i.state), i.holderName ? ` (${i.holderName})` : '')))));
  };
  const load = () =>
    reportingApi.worklist()
      .then((w) => show(w.items.filter((i) => i.breachedAt || i.overdue)))
      .catch(() => undefined);

  const unsubscribe = live.onMessage((message) => {
    if (!isReportEvent(message)) return;
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void load(), 300);
  });
  live.start();
  void load();
  return {
    element,
    dispose: () => {
      window.clearTimeout(timer);
      unsubscribe();
    },
  };
}
