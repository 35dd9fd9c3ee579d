// Stage II on the case page: the full study's upload session — live counts (polled while the page
// is open), the refusals with their reasons, and for the sending clinic's doctor a drop zone that
// stores the files through STOW-RS in small batches with a progress bar, then "complete".
import { viewerHref } from '../app/router';
import { t } from '../i18n/i18n';
import { ApiError, api } from '../shared/api';
import { showError } from '../shared/banner';
import { h, mount } from '../shared/dom';
import { formatDateTime } from '../shared/format';
import type { UploadSession } from '../shared/types';

const BATCH = 8;
const POLL_MS = 3000;

export function studyUpload(caseId: string, mayUpload: boolean): { element: HTMLElement; dispose: () => void } {
  const status = h('div', { 'data-testid': 'upload-session' }, h('p', { class: 'muted' }, t('common.loading')));
  const progress = h('progress', { max: '100', value: '0', hidden: true, 'data-testid': 'study-progress' });
  const progressText = h('p', { class: 'hint', role: 'status', 'data-testid': 'study-progress-text' });
  const input = h('input', { type: 'file', multiple: true, id: 'study-files', 'data-testid': 'study-files', class: 'visually-hidden' });
  const folder = h('input', { type: 'file', multiple: true, id: 'study-folder', webkitdirectory: true, class: 'visually-hidden' });
  const complete = h('button', { type: 'button', class: 'button button-primary', 'data-testid': 'study-complete' }, t('study.complete'));
  let session: UploadSession | null = null;
  let busy = false;
  let disposed = false;

  const render = () => {
    if (!session) return;
    const s = session;
    mount(
      status,
      h('p', null, h('span', { class: 'state-badge', 'data-state': s.state, 'data-testid': 'upload-state' }, t(`study.state.${s.state}` as 'study.state.OPEN'))),
      h('p', { 'data-testid': 'upload-counts' }, t('study.counts', { stored: s.stored, duplicates: s.duplicates, rejected: s.rejected + s.conflicts })),
      s.studies.map((st) =>
        h(
          'p',
          { class: 'hint' },
          t('study.studyLine', { series: st.seriesCount, instances: st.instanceCount }),
          // readable in the viewer: the sending clinic at once, the reference centre once complete
          s.state === 'COMPLETE' || mayUpload
            ? [' ', h('a', { href: viewerHref(st.studyInstanceUid), 'data-testid': 'open-viewer' }, t('viewer.open'))]
            : null,
        ),
      ),
      s.completedAt ? h('p', { class: 'muted' }, t('study.completedAt', { at: formatDateTime(s.completedAt) })) : null,
      s.rejections.length
        ? h('details', { 'data-testid': 'upload-rejections' }, h('summary', null, t('study.rejections', { n: s.rejections.length })),
            h('ul', null, s.rejections.map((r) => h('li', null, `${r.reasonCode}: ${r.reason}`))))
        : null,
    );
    complete.hidden = !mayUpload || s.state === 'COMPLETE';
    complete.disabled = busy || s.stored === 0;
  };

  const load = async () => {
    try {
      session = await api.uploadSession(caseId);
      if (!disposed) render();
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 404)) showError(error);
      mount(status, h('p', { class: 'muted' }, t('study.none')));
    }
  };

  const send = async (files: File[]) => {
    if (!session || files.length === 0) return;
    busy = true;
    progress.hidden = false;
    let done = 0;
    let failed = 0;
    const total = files.reduce((n, f) => n + f.size, 0);
    let sentBytes = 0;
    for (let i = 0; i < files.length; i += BATCH) {
      const batch = files.slice(i, i + BATCH);
      const batchBytes = batch.reduce((n, f) => n + f.size, 0);
      try {
        const result = await api.stow(session.id, batch, (loaded) => {
          progress.value = Math.round(((sentBytes + loaded) / Math.max(1, total)) * 100);
        });
        done += result.stored;
        failed += result.failed;
      } catch (error) {
        failed += batch.length;
        showError(error);
      }
      sentBytes += batchBytes;
      progress.value = Math.round((sentBytes / Math.max(1, total)) * 100);
      progressText.textContent = t('study.progress', { done: i + batch.length, total: files.length, failed });
      await load();
    }
    progressText.textContent = t('study.sent', { stored: done, failed });
    busy = false;
    render();
  };

  for (const el of [input, folder]) {
    el.addEventListener('change', () => {
      void send(Array.from(el.files ?? []));
      el.value = '';
    });
  }
  complete.addEventListener('click', async () => {
    if (!session) return;
    complete.disabled = true;
    try {
      session = await api.completeUpload(session.id);
      render();
    } catch (error) {
      showError(error);
      void load();
    }
  });

  const timer = window.setInterval(() => {
    if (!busy) void load();
  }, POLL_MS);
  void load();

  const uploader = mayUpload
    ? h(
        'div',
        { class: 'study-uploader' },
        h('p', { class: 'hint' }, t('study.hint')),
        h('div', { class: 'form-actions' },
          h('label', { for: input.id, class: 'button' }, t('study.chooseFiles')), input,
          h('label', { for: folder.id, class: 'button' }, t('study.chooseFolder')), folder,
          complete),
        progress,
        progressText,
      )
    : null;
  return {
    element: h('section', { class: 'card', 'aria-labelledby': 'study-heading', 'data-testid': 'study-card' }, h('h2', { id: 'study-heading' }, t('study.heading')), status, uploader),
    dispose: () => {
      disposed = true;
      window.clearInterval(timer);
    },
  };
}
