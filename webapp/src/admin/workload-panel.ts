// ADMIN: the workload dashboard — cases per stage and state, triage outcomes per day and per
// organisation with the real share of full-study requests, time to claim and to decision against
// the triage limit, overdue breaches, per-consultant load; stage II figures once reporting exists.
// Charts by Chart.js (bundled by Vite). Refreshed live: on every case and report event of the channel
// (debounced) and every minute.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';
import { liveChannel } from '../app/live-session';
import { t, tDynamic, type MessageKey } from '../i18n/i18n';
import { api } from '../shared/api';
import { showError } from '../shared/banner';
import { h, mount } from '../shared/dom';
import { formatTimestamp } from '../shared/format';
import { isCaseEvent, isReportEvent } from '../shared/live';
import { dataTable } from '../shared/table';
import type { Workload, WorkloadTimes } from '../shared/types';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Legend, Tooltip);

const PERIODS = [7, 14, 30, 90] as const;
const REFRESH_MS = 60_000;
const EVENT_DEBOUNCE_MS = 1500;

const COLOURS = {
  submitted: '#0b6e8a',
  claimed: '#5aa9c2',
  declined: '#9a6200',
  answered: '#1e7d45',
  fullStudy: '#6b3fa0',
  cancelled: '#8a96a3',
  breach: '#b3261e',
};

export function workloadPanel(): { element: HTMLElement; dispose: () => void } {
  const period = h(
    'select',
    { id: 'workload-period', 'data-testid': 'workload-period' },
    PERIODS.map((d) => h('option', { value: String(d), selected: d === 14 }, t('workload.lastDays', { n: d }))),
  );
  const updated = h('span', { class: 'muted', 'data-testid': 'workload-updated' });
  const body = h('div', { 'data-testid': 'workload-body' }, h('p', { class: 'muted' }, t('common.loading')));
  let charts: Chart[] = [];
  let loading = false;
  // a period change or live event during a load is not dropped: one more load follows it
  let again = false;

  // refreshes only while the dashboard's tab is shown (a hidden element has no offsetParent)
  const shown = () => element.isConnected && element.offsetParent !== null;
  const load = async () => {
    if (loading) {
      again = true;
      return;
    }
    loading = true;
    again = false;
    const to = new Date(Date.now() + 60_000);
    const from = new Date(to.getTime() - Number(period.value) * 86_400_000);
    try {
      render(await api.workload(from.toISOString(), to.toISOString()));
    } catch (error) {
      showError(error);
      mount(body, h('p', { class: 'empty-state' }, t('common.loadFailed')));
    } finally {
      loading = false;
      if (again) void load();
    }
  };

  const render = (w: Workload) => {
    for (const c of charts) c.destroy();
    charts = [];
    const chart = (id: string, config: ChartConfiguration, total: number, label: string) => {
      const canvas = h('canvas', { role: 'img', 'aria-label': label });
      const box = h('div', { class: 'chart-box', 'data-testid': id, 'data-total': String(total) }, canvas);
      charts.push(new Chart(canvas, config));
      return box;
    };
    updated.textContent = t('workload.updated', { at: formatTimestamp(w.generatedAt) });
    mount(
      body,
      kpis(w),
      w.truncated ? h('p', { class: 'note note-warn' }, t('workload.truncated')) : null,
      h(
        'div',
        { class: 'chart-grid' },
        figure(t('workload.byStateHeading'), chart('chart-states', statesChart(w), sum(Object.values(w.byState)), t('workload.byStateHeading'))),
        figure(
          t('workload.perDayHeading'),
          chart('chart-per-day', perDayChart(w), sum(w.periods.map((p) => p.submitted)), t('workload.perDayHeading')),
        ),
        figure(
          t('workload.claimHeading', { limit: minutes(w.triageLimitMinutes) }),
          chart('chart-claim', timesChart(w.timeToClaim, w.triageLimitMinutes), w.timeToClaim.count, t('workload.claimHeading', { limit: minutes(w.triageLimitMinutes) })),
          timesNote(w.timeToClaim),
        ),
        figure(
          t('workload.decisionHeading', { limit: minutes(w.triageLimitMinutes) }),
          chart('chart-decision', timesChart(w.timeToDecision, w.triageLimitMinutes), w.timeToDecision.count, t('workload.decisionHeading', { limit: minutes(w.triageLimitMinutes) })),
          timesNote(w.timeToDecision),
        ),
        figure(
          t('workload.organisationsHeading'),
          chart('chart-organisations', organisationsChart(w), sum(w.organisations.map((o) => o.submitted)), t('workload.organisationsHeading')),
        ),
        figure(
          t('workload.consultantsHeading'),
          chart('chart-consultants', consultantsChart(w), sum(w.consultants.map((c) => c.decided + c.holding)), t('workload.consultantsHeading')),
        ),
      ),
      h('h3', null, t('workload.organisationsHeading')),
      organisationsTable(w),
      stageTwo(w, chart),
    );
  };

  let debounce: number | undefined;
  const unsubscribe = liveChannel().onMessage((message) => {
    if (!isCaseEvent(message) && !isReportEvent(message)) return;
    window.clearTimeout(debounce);
    debounce = window.setTimeout(() => {
      if (shown()) void load();
    }, EVENT_DEBOUNCE_MS);
  });
  period.addEventListener('change', () => void load());
  const timer = window.setInterval(() => {
    if (shown()) void load();
  }, REFRESH_MS);
  void load();

  const element = h(
    'section',
    { class: 'card', 'aria-labelledby': 'workload-heading', 'data-testid': 'workload' },
    h(
      'div',
      { class: 'card-head' },
      h('h2', { id: 'workload-heading' }, t('workload.heading')),
      h(
        'div',
        { class: 'card-actions workload-actions' },
        h('label', { for: period.id }, t('workload.period')),
        period,
        updated,
        // the AI's diagnostic accuracy against these decisions is on the AI quality tab
        h('a', {
          href: '#/home?tab=ai',
          'data-testid': 'workload-ai-link',
          onclick: (e: Event) => {
            const tab = document.getElementById('tab-ai');
            if (tab) {
              e.preventDefault();
              tab.click();
            }
          },
        }, t('workload.aiQualityLink')),
      ),
    ),
    body,
  );
  return {
    element,
    dispose: () => {
      window.clearInterval(timer);
      window.clearTimeout(debounce);
      unsubscribe();
      for (const c of charts) c.destroy();
    },
  };
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function minutes(m: number | null | undefined): string {
  if (m == null) return '—';
  if (m > 0 && m < 1) return t('workload.seconds', { n: Math.round(m * 60) });
  if (m >= 120) return t('workload.hours', { n: (m / 60).toFixed(1) });
  return t('workload.minutes', { n: m % 1 === 0 ? String(m) : m.toFixed(1) });
}

function percent(share: number | null | undefined): string {
  return share == null ? '—' : `${(share * 100).toFixed(1)} %`;
}

function figure(title: string, ...content: (HTMLElement | null)[]): HTMLElement {
  return h('figure', { class: 'chart-card' }, h('figcaption', null, title), ...content);
}

function kpis(w: Workload): HTMLElement {
  const tile = (id: string, label: string, value: string, tone?: 'bad') =>
    h('div', { class: `kpi${tone ? ' kpi-' + tone : ''}`, 'data-testid': id }, h('span', { class: 'kpi-value' }, value), h('span', { class: 'kpi-label' }, label));
  return h(
    'div',
    { class: 'kpis' },
    tile('kpi-submitted', t('workload.kpi.submitted'), String(w.totals.submitted)),
    tile('kpi-open', t('workload.kpi.open'), String(w.totals.open)),
    tile('kpi-decided', t('workload.kpi.decided'), String(w.totals.decided)),
    tile('kpi-full-study-share', t('workload.kpi.fullStudyShare'), percent(w.totals.fullStudyShare)),
    tile('kpi-claim-median', t('workload.kpi.claimMedian'), minutes(w.timeToClaim.medianMinutes)),
    tile('kpi-breaches', t('workload.kpi.breaches'), String(w.totals.overdueBreaches), w.totals.overdueBreaches > 0 ? 'bad' : undefined),
  );
}

const baseOptions = {
  responsive: true,
  maintainAspectRatio: false,
  animation: false as const,
  plugins: { legend: { position: 'bottom' as const, labels: { boxWidth: 12 } } },
};

function statesChart(w: Workload): ChartConfiguration {
  const states = Object.keys(w.byState);
  const colour: Record<string, string> = {
    SUBMITTED: COLOURS.submitted,
    CLAIMED: COLOURS.claimed,
    DECLINED: COLOURS.declined,
    ANSWERED: COLOURS.answered,
    FULL_STUDY_REQUESTED: COLOURS.fullStudy,
    CANCELLED: COLOURS.cancelled,
  };
  return {
    type: 'bar',
    data: {
      labels: states.map((s) => `${stageOf(s)} · ${tDynamic(`state.${s}`, s)}`),
      datasets: [{ label: t('workload.cases'), data: states.map((s) => w.byState[s]), backgroundColor: states.map((s) => colour[s] ?? COLOURS.cancelled) }],
    },
    options: { ...baseOptions, plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
  };
}

function stageOf(state: string): string {
  if (state === 'SUBMITTED' || state === 'CLAIMED') return t('workload.stage.triage');
  if (state === 'FULL_STUDY_REQUESTED') return t('workload.stage.two');
  return t('workload.stage.closed');
}

function outcomeDatasets<T extends { declined: number; answered: number; fullStudy: number; cancelled: number }>(rows: readonly T[], open?: (r: T) => number) {
  const sets = [
    { label: t('workload.outcome.declined'), data: rows.map((r) => r.declined), backgroundColor: COLOURS.declined, stack: 's' },
    { label: t('workload.outcome.answered'), data: rows.map((r) => r.answered), backgroundColor: COLOURS.answered, stack: 's' },
    { label: t('workload.outcome.fullStudy'), data: rows.map((r) => r.fullStudy), backgroundColor: COLOURS.fullStudy, stack: 's' },
    { label: t('workload.outcome.cancelled'), data: rows.map((r) => r.cancelled), backgroundColor: COLOURS.cancelled, stack: 's' },
  ];
  if (open) sets.push({ label: t('workload.outcome.open'), data: rows.map(open), backgroundColor: COLOURS.claimed, stack: 's' });
  return sets;
}

function perDayChart(w: Workload): ChartConfiguration {
  const open = (p: Workload['periods'][number]) => p.submitted - p.declined - p.answered - p.fullStudy - p.cancelled;
  return {
    type: 'bar',
    data: {
      labels: w.periods.map((p) => p.day.slice(5)),
      datasets: [
        ...outcomeDatasets(w.periods, open),
        {
          type: 'line',
          label: t('workload.outcome.breaches'),
          data: w.periods.map((p) => p.overdueBreaches),
          borderColor: COLOURS.breach,
          backgroundColor: COLOURS.breach,
          pointRadius: 3,
        },
      ] as ChartConfiguration['data']['datasets'],
    },
    options: { ...baseOptions, scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } },
  };
}

function timesChart(times: WorkloadTimes, limit: number): ChartConfiguration {
  const labels = times.histogram.map((b) => (b.toMinutes == null ? `> ${minutes(b.fromMinutes)}` : `${minutes(b.fromMinutes)}–${minutes(b.toMinutes)}`));
  return {
    type: 'bar',
    data: {
      labels,
      datasets: [
        {
          label: t('workload.cases'),
          data: times.histogram.map((b) => b.count),
          backgroundColor: times.histogram.map((b) => (b.toMinutes != null && b.toMinutes <= limit ? COLOURS.answered : COLOURS.breach)),
        },
      ],
    },
    options: { ...baseOptions, plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
  };
}

function timesNote(times: WorkloadTimes): HTMLElement {
  if (times.count === 0) return h('p', { class: 'muted' }, t('workload.noTimes'));
  return h(
    'p',
    { class: 'hint' },
    t('workload.timesNote', {
      median: minutes(times.medianMinutes),
      p90: minutes(times.p90Minutes),
      max: minutes(times.maxMinutes),
      within: times.withinLimit,
      over: times.overLimit,
    }),
  );
}

function organisationsChart(w: Workload): ChartConfiguration {
  const open = (o: Workload['organisations'][number]) => o.submitted - o.declined - o.answered - o.fullStudy - o.cancelled;
  return {
    type: 'bar',
    data: { labels: w.organisations.map((o) => o.name), datasets: outcomeDatasets(w.organisations, open) },
    options: { ...baseOptions, indexAxis: 'y', scales: { x: { stacked: true, beginAtZero: true, ticks: { precision: 0 } }, y: { stacked: true } } },
  };
}

function consultantsChart(w: Workload): ChartConfiguration {
  return perPersonChart(w.consultants, [
    [t('workload.outcome.declined'), (c) => c.declined, COLOURS.declined],
    [t('workload.outcome.answered'), (c) => c.answered, COLOURS.answered],
    [t('workload.outcome.fullStudy'), (c) => c.fullStudy, COLOURS.fullStudy],
    [t('workload.outcome.holding'), (c) => c.holding, COLOURS.claimed],
  ]);
}

/** One stacked horizontal bar per person: what each did (and holds now), a colour per kind. */
function perPersonChart<T extends { name: string }>(rows: readonly T[], parts: [string, (row: T) => number, string][]): ChartConfiguration {
  return {
    type: 'bar',
    data: {
      labels: rows.map((r) => r.name),
      datasets: parts.map(([label, value, colour]) => ({ label, data: rows.map(value), backgroundColor: colour, stack: 's' })),
    },
    options: { ...baseOptions, indexAxis: 'y', scales: { x: { stacked: true, beginAtZero: true, ticks: { precision: 0 } }, y: { stacked: true } } },
  };
}

function organisationsTable(w: Workload): HTMLElement {
  if (w.organisations.length === 0) return h('p', { class: 'empty-state' }, t('workload.noCases'));
  return dataTable(
    t('workload.organisationsHeading'),
    [
      { header: t('workload.col.organisation'), cell: (o) => o.name },
      { header: t('workload.col.submitted'), cell: (o) => o.submitted, className: 'num' },
      { header: t('workload.outcome.declined'), cell: (o) => o.declined, className: 'num' },
      { header: t('workload.outcome.answered'), cell: (o) => o.answered, className: 'num' },
      { header: t('workload.outcome.fullStudy'), cell: (o) => o.fullStudy, className: 'num' },
      { header: t('workload.col.fullStudyShare'), cell: (o) => percent(o.fullStudyShare), className: 'num' },
      { header: t('workload.outcome.breaches'), cell: (o) => o.overdueBreaches, className: 'num' },
    ],
    w.organisations,
    'workload-organisations-table',
  );
}

type ChartBox = (id: string, config: ChartConfiguration, total: number, label: string) => HTMLElement;

function stageTwo(w: Workload, chart: ChartBox): HTMLElement {
  const s = w.stageTwo;
  const minutes = (n: number | null | undefined) => (n == null ? '—' : n >= 120 ? t('workload.hours', { n: (n / 60).toFixed(1) }) : t('workload.minutes', { n: n.toFixed(n < 10 ? 1 : 0) }));
  const fact = (label: MessageKey, value: string, id: string) => [h('dt', null, t(label)), h('dd', { 'data-testid': id }, value)];
  const limits = Object.entries(s.limitMinutes ?? {}).map(([key, m]) => {
    const [priority, type] = key.split('.');
    return `${tDynamic(`reporting.priority.${priority}`, priority)} · ${tDynamic(`workload.stageTwo.type.${type}`, type)}: ${minutes(m)}`;
  });
  const content = s.available
    ? [
        h(
          'div',
          { class: 'chart-grid' },
          figure(
            t('workload.stageTwo.limitChartHeading'),
            chart('chart-stage-two-limits', stageTwoLimitsChart(s), s.deliveredWithinLimit + s.overLimit + s.secondReads, t('workload.stageTwo.limitChartHeading')),
          ),
          figure(
            t('workload.stageTwo.experts'),
            chart('chart-experts', expertsChart(s), sum(s.experts.map((e) => e.reports + e.secondReads + e.holding)), t('workload.stageTwo.experts')),
          ),
        ),
        h('dl', { class: 'facts' },
          ...fact('workload.stageTwo.received', String(s.received), 'stage-two-received'),
          ...fact('workload.stageTwo.signed', String(s.signedReports), 'stage-two-signed'),
          ...fact('workload.stageTwo.delivered', String(s.delivered), 'stage-two-delivered'),
          ...fact('workload.stageTwo.open', String(s.open), 'stage-two-open'),
          ...fact('workload.stageTwo.breaches', String(s.breaches), 'stage-two-breaches'),
          ...fact('workload.stageTwo.timeToSigned', minutes(s.timeToSigned.medianMinutes), 'stage-two-time-to-signed'),
          ...fact('workload.stageTwo.timeToDelivery', s.timeToDelivery.count === 0 ? '—'
            : t('workload.stageTwo.timesLine', { median: minutes(s.timeToDelivery.medianMinutes), p90: minutes(s.timeToDelivery.p90Minutes), max: minutes(s.timeToDelivery.maxMinutes) }), 'stage-two-time-to-delivery'),
          ...fact('workload.stageTwo.againstLimit', t('workload.stageTwo.withinOver', { within: s.deliveredWithinLimit, over: s.overLimit }), 'stage-two-against-limit'),
          ...fact('workload.stageTwo.limits', limits.join('; ') || '—', 'stage-two-limits'),
          ...fact('workload.stageTwo.agreement', s.secondReads === 0 ? '—' : `${percent(s.secondReadAgreement)} (${s.secondReads})`, 'stage-two-agreement'),
        ),
        s.experts.length === 0
          ? h('p', { class: 'muted' }, t('workload.stageTwo.noExperts'))
          : dataTable(
              t('workload.stageTwo.experts'),
              [
                { header: t('workload.col.name'), cell: (e) => e.name },
                { header: t('workload.stageTwo.col.signed'), cell: (e) => e.reports, className: 'num' },
                { header: t('workload.stageTwo.col.secondReads'), cell: (e) => e.secondReads, className: 'num' },
                { header: t('workload.stageTwo.col.holding'), cell: (e) => e.holding, className: 'num' },
              ],
              s.experts,
              'workload-experts-table',
            ),
      ]
    : [h('p', { class: 'empty-state', 'data-testid': 'stage-two-no-data' }, t('workload.stageTwo.noData'))];
  return h('div', { class: 'stage-two', 'data-testid': 'workload-stage-two' }, h('h3', null, t('workload.stageTwo.heading')), ...content);
}

/** Reports against their time limit, and the second readers' verdicts, side by side. */
function stageTwoLimitsChart(s: Workload['stageTwo']): ChartConfiguration {
  const agreed = Math.round((s.secondReadAgreement ?? 0) * s.secondReads);
  return {
    type: 'bar',
    data: {
      labels: [t('workload.stageTwo.withinLimit'), t('workload.stageTwo.overLimit'), t('workload.stageTwo.agreed'), t('workload.stageTwo.disagreed')],
      datasets: [
        {
          label: t('workload.stageTwo.reports'),
          data: [s.deliveredWithinLimit, s.overLimit, agreed, s.secondReads - agreed],
          backgroundColor: [COLOURS.answered, COLOURS.breach, COLOURS.submitted, COLOURS.declined],
        },
      ],
    },
    options: { ...baseOptions, plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
  };
}

function expertsChart(s: Workload['stageTwo']): ChartConfiguration {
  return perPersonChart(s.experts, [
    [t('workload.stageTwo.col.signed'), (e) => e.reports, COLOURS.answered],
    [t('workload.stageTwo.col.secondReads'), (e) => e.secondReads, COLOURS.fullStudy],
    [t('workload.stageTwo.col.holding'), (e) => e.holding, COLOURS.claimed],
  ]);
}
