// ADMIN: AI quality over a period — technological defects per model (failed, timed out,
// malformed, late) and accuracy against the doctors' decisions (ROC AUC with its 95 % interval
// and the curve), per model and stage. Refreshed every 30 s while the page is open.
import { t, tDynamic } from '../i18n/i18n';
import { api } from '../shared/api';
import { showError } from '../shared/banner';
import { h, mount } from '../shared/dom';
import { dataTable } from '../shared/table';
import type { AiAccuracy, AiModelQuality, AiQuality } from '../shared/types';

const PERIODS = [7, 30, 90, 365] as const;
const REFRESH_MS = 30_000;
const SVG = 'http://www.w3.org/2000/svg';

export function aiQualityPanel(): { element: HTMLElement; dispose: () => void } {
  const period = h('select', { id: 'ai-quality-period', 'data-testid': 'ai-quality-period' },
    PERIODS.map((d) => h('option', { value: String(d), selected: d === 30 }, t('aiQuality.lastDays', { n: d }))));
  const body = h('div', { 'data-testid': 'ai-quality-body' }, h('p', { class: 'muted' }, t('common.loading')));

  const load = async () => {
    const to = new Date();
    const from = new Date(to.getTime() - Number(period.value) * 86_400_000);
    try {
      render(await api.aiQuality(from.toISOString(), to.toISOString()));
    } catch (error) {
      showError(error);
      mount(body, h('p', { class: 'empty-state' }, t('common.loadFailed')));
    }
  };
  const render = (q: AiQuality) => {
    if (q.models.length === 0) {
      mount(body, h('p', { class: 'empty-state', 'data-testid': 'ai-quality-empty' }, t('aiQuality.empty')));
      return;
    }
    mount(
      body,
      h('h3', null, t('aiQuality.defectsHeading')),
      h('p', { class: 'hint' }, t('aiQuality.lateHint', { s: Math.round(q.lateAfterMillis / 1000) })),
      modelsTable(q.models),
      h('h3', null, t('aiQuality.accuracyHeading')),
      h('p', { class: 'hint' }, t('aiQuality.accuracyHint')),
      q.accuracy.length === 0 ? h('p', { class: 'muted' }, t('aiQuality.noScores')) : accuracyTable(q.accuracy),
      h('div', { class: 'roc-grid' }, q.accuracy.filter((a) => a.curve.length > 1).map(rocChart)),
    );
  };
  period.addEventListener('change', () => void load());
  const timer = window.setInterval(() => void load(), REFRESH_MS);
  void load();

  const element = h(
    'section',
    { class: 'card', 'aria-labelledby': 'ai-quality-heading', 'data-testid': 'ai-quality' },
    h('h2', { id: 'ai-quality-heading' }, t('aiQuality.heading')),
    h('p', { class: 'research-label' }, t('preview.researchOnly')),
    h('div', { class: 'field' }, h('label', { for: period.id }, t('aiQuality.period')), period),
    body,
  );
  return { element, dispose: () => window.clearInterval(timer) };
}

function modelsTable(models: readonly AiModelQuality[]): HTMLElement {
  const defects = (m: AiModelQuality) => {
    const entries = Object.entries(m.defects);
    return entries.length === 0 ? '0' : entries.map(([k, v]) => `${tDynamic(`defect.${k}`, k)}: ${v}`).join(', ');
  };
  return dataTable(
    t('aiQuality.defectsHeading'),
    [
      { header: t('aiQuality.col.model'), cell: (m) => h('code', null, m.modelVersion ? `${m.modelId} ${m.modelVersion}` : m.modelId) },
      { header: t('aiQuality.col.runs'), cell: (m) => m.runs },
      { header: t('aiQuality.col.completed'), cell: (m) => m.completed },
      { header: t('aiQuality.col.notAnalysable'), cell: (m) => m.notAnalysable },
      { header: t('aiQuality.col.defects'), cell: defects },
      { header: t('aiQuality.col.late'), cell: (m) => m.late },
      { header: t('aiQuality.col.defectRate'), cell: (m) => `${((100 * m.defectTotal) / Math.max(1, m.runs)).toFixed(1)} %` },
      { header: t('aiQuality.col.median'), cell: (m) => `${m.medianMillis} ms` },
    ],
    models,
    'ai-models-table',
  );
}

function accuracyTable(rows: readonly AiAccuracy[]): HTMLElement {
  const auc = (a: AiAccuracy) =>
    a.auc == null ? h('span', { class: 'muted', title: a.note ?? '' }, t('aiQuality.undefined'))
      : `${a.auc.toFixed(3)}${a.ciLow != null && a.ciHigh != null ? ` (${a.ciLow.toFixed(2)}–${a.ciHigh.toFixed(2)})` : ''}`;
  return dataTable(
    t('aiQuality.accuracyHeading'),
    [
      { header: t('aiQuality.col.model'), cell: (a) => h('code', null, a.modelId) },
      { header: t('aiQuality.col.stage'), cell: (a) => tDynamic(`aiStage.${a.stage}`, a.stage) },
      { header: t('aiQuality.col.positives'), cell: (a) => a.positives },
      { header: t('aiQuality.col.negatives'), cell: (a) => a.negatives },
      { header: t('aiQuality.col.auc'), cell: auc },
    ],
    rows,
    'ai-accuracy-table',
  );
}

/** The ROC curve as a small SVG: false-positive rate across, true-positive rate up, chance dashed. */
function rocChart(a: AiAccuracy): Element {
  const size = 220;
  const pad = 28;
  const span = size - 2 * pad;
  const x = (fpr: number) => pad + fpr * span;
  const y = (tpr: number) => size - pad - tpr * span;
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${size} ${size}`);
  svg.setAttribute('width', String(size));
  svg.setAttribute('role', 'img');
  const title = `${a.modelId} · ${tDynamic(`aiStage.${a.stage}`, a.stage)} · AUC ${a.auc == null ? '—' : a.auc.toFixed(3)}`;
  svg.setAttribute('aria-label', title);
  svg.dataset.testid = 'roc-curve';
  const el = (name: string, attrs: Record<string, string>, text?: string) => {
    const node = document.createElementNS(SVG, name);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    if (text) node.textContent = text;
    svg.append(node);
  };
  el('rect', { x: String(pad), y: String(pad), width: String(span), height: String(span), fill: 'none', stroke: '#8c959f' });
  el('line', { x1: String(x(0)), y1: String(y(0)), x2: String(x(1)), y2: String(y(1)), stroke: '#8c959f', 'stroke-dasharray': '4 4' });
  const points = [...a.curve].sort((p, q) => p.falsePositiveRate - q.falsePositiveRate || p.truePositiveRate - q.truePositiveRate);
  el('polyline', { points: points.map((p) => `${x(p.falsePositiveRate)},${y(p.truePositiveRate)}`).join(' '), fill: 'none', stroke: '#1f6feb', 'stroke-width': '2' });
  el('text', { x: String(size / 2), y: String(size - 6), 'text-anchor': 'middle', 'font-size': '10' }, t('aiQuality.fpr'));
  el('text', { x: '10', y: String(size / 2), 'text-anchor': 'middle', 'font-size': '10', transform: `rotate(-90 10 ${size / 2})` }, t('aiQuality.tpr'));
  const figure = h('figure', { class: 'roc-figure' }, h('figcaption', null, title));
  figure.prepend(svg);
  return figure;
}
