// The expert worklist of received studies: priority, clinical line, AI estimate, a live countdown
// to the reporting time limit, who holds the study. Updates arrive on the live channel
// ("report.changed"); a slow poll is only the fallback when the channel is down.
import { isReportEvent, type LiveChannel } from '../shared/live';
import { t, tDynamic } from '../i18n/i18n';
import { showError } from '../shared/banner';
import { h, mount } from '../shared/dom';
import { formatDateTime } from '../shared/format';
import { countdown, reportingApi, type Worklist, type WorklistItem } from './reporting-api';

export function reportHref(reportId: string): string {
  return `#/reports/${encodeURIComponent(reportId)}`;
}

export function worklistPanel(live: LiveChannel): { element: HTMLElement; dispose: () => void } {
  const body = h('div', { 'data-testid': 'report-worklist' }, h('p', { class: 'muted' }, t('reporting.loading')));
  const breaches = h('p', { class: 'muted', 'data-testid': 'report-breaches' });
  let list: Worklist | null = null;
  let disposed = false;

  const load = () =>
    reportingApi
      .worklist()
      .then((w) => {
        list = w;
        render();
      })
      .catch((e) => {
        if (!disposed) showError(e);
      });

  function row(item: WorklistItem): HTMLElement {
    const due = h('span', { class: 'countdown', 'data-testid': 'countdown', 'data-due': item.dueAt });
    return h(
      'tr',
      { 'data-testid': 'report-row', 'data-report-id': item.reportId, 'data-case-id': item.caseId, class: item.overdue ? 'overdue' : '' },
      h('td', null, h('a', { href: reportHref(item.reportId), 'data-testid': 'open-report' }, item.organisationName ?? item.caseId)),
      h('td', null, item.question ?? ''),
      h('td', null, item.clinicalSummary ?? ''),
      h('td', null, item.aiSummary ?? t('reporting.noAi')),
      h('td', null, tDynamic(`reporting.priority.${item.priority}`, item.priority)),
      h('td', null, due, h('br'), h('small', { class: 'muted' }, formatDateTime(item.dueAt))),
      h('td', { 'data-testid': 'report-state' }, tDynamic(`reporting.state.${item.state}`, item.state), item.holderName ? ` · ${item.holderName}` : ''),
    );
  }

  function render(): void {
    if (!list) return;
    breaches.textContent = t('reporting.breaches', { count: list.breaches });
    if (list.items.length === 0) {
      mount(body, h('p', { class: 'muted empty-state', 'data-testid': 'empty-state' }, t('worklist.empty')));
      return;
    }
    mount(
      body,
      h(
        'table',
        { class: 'table' },
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            ...['organisation', 'question', 'clinical', 'ai', 'priority', 'due', 'state'].map((c) =>
              h('th', { scope: 'col' }, tDynamic(`reporting.col.${c}`, c)),
            ),
          ),
        ),
        h('tbody', null, ...list.items.map(row)),
      ),
    );
    tick();
  }

  function tick(): void {
    body.querySelectorAll<HTMLElement>('[data-due]').forEach((el) => {
      const text = countdown(el.dataset.due ?? '');
      el.textContent = text;
      el.classList.toggle('late', text.startsWith('-'));
    });
  }

  const ticker = window.setInterval(tick, 1000);
  const unsubscribe = live.onMessage((message) => {
    if (isReportEvent(message)) void load();
  });
  // Fallback only: when the live channel is down, look again every 30 s.
  const poll = window.setInterval(() => {
    if (live.status !== 'live') void load();
  }, 30000);
  void load();

  return {
    element: h('div', null, breaches, body),
    dispose: () => {
      disposed = true;
      window.clearInterval(ticker);
      window.clearInterval(poll);
      unsubscribe();
    },
  };
}
