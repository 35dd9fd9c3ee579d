// How a sanitised preview looks in a page: stills (and DICOM slices, rendered by the server) as
// images, screen videos playable, the AI's heat map labelled as research output; and, for the
// uploader, what the anonymiser removed or masked.
import { t } from '../i18n/i18n';
import { previewUrls } from '../shared/api';
import { h, type Child } from '../shared/dom';
import type { Preview } from '../shared/types';

type Shown = Pick<Preview, 'id' | 'kind' | 'mediaType'>;

export function previewMedia(p: Shown, alt: string): HTMLElement {
  if (p.mediaType.startsWith('video/')) {
    return h('video', {
      class: 'preview-media',
      src: previewUrls.content(p.id),
      controls: true,
      preload: 'metadata',
      'data-testid': 'preview-video',
      'data-preview-id': p.id,
      'aria-label': alt,
    });
  }
  const img = h('img', {
    class: 'preview-media',
    src: previewUrls.rendered(p.id),
    alt,
    loading: 'lazy',
    'data-testid': 'preview-image',
    'data-preview-id': p.id,
  });
  if (p.kind !== 'AI_HEATMAP') return h('a', { href: previewUrls.rendered(p.id), target: '_blank', rel: 'noopener' }, img);
  return h('figure', { class: 'preview-ai' }, img, h('figcaption', { class: 'research-label', 'data-testid': 'research-label' }, t('preview.research')));
}

interface ReportJson {
  reencoded?: boolean;
  removed?: string[];
  framesChecked?: number;
  maskedRegions?: unknown[];
  dicomReport?: { actions?: { action?: string }[]; maskedRegions?: unknown[]; pixelDataCleaned?: boolean } | null;
}

/** One line per thing the anonymiser did, never a removed value (the report holds none). */
export function reportSummary(reportJson: string): HTMLElement {
  let report: ReportJson = {};
  try {
    report = JSON.parse(reportJson) as ReportJson;
  } catch {
    /* an unreadable report shows as "nothing to report" */
  }
  const lines: Child[] = [];
  const removed = report.removed ?? [];
  if (removed.length > 0) lines.push(h('li', { 'data-testid': 'report-removed' }, t('preview.removed', { what: removed.join(', ') })));
  const masked = (report.maskedRegions?.length ?? 0) + (report.dicomReport?.maskedRegions?.length ?? 0);
  if (masked > 0) lines.push(h('li', { 'data-testid': 'report-masked' }, t('preview.masked', { count: masked })));
  const actions = report.dicomReport?.actions ?? [];
  if (actions.length > 0) {
    const changed = actions.filter((a) => a.action && a.action !== 'KEEP').length;
    lines.push(h('li', { 'data-testid': 'report-attributes' }, t('preview.attributes', { count: changed })));
  }
  if (report.reencoded) lines.push(h('li', null, t('preview.reencoded')));
  if (report.framesChecked) lines.push(h('li', null, t('preview.ocrChecked', { count: report.framesChecked })));
  if (lines.length === 0) lines.push(h('li', null, t('preview.nothingFound')));
  return h('ul', { class: 'preview-report', 'data-testid': 'preview-report' }, lines);
}
