// Stage II on the case page: the full study's upload session — live counts (polled while the page
// is open), the refusals with their reasons, and for the sending clinic's doctor a drop zone (folder,
// files or a zip) that sends each file as a resumable upload (tus, tus-js-client): a progress bar for
// the study and for each file, pause and resume, and resume after the browser or the network died
// (the upload addresses are kept in localStorage; choosing the same files again continues them).
import * as tus from 'tus-js-client';
import { viewerHref } from '../app/router';
import { t } from '../i18n/i18n';
import { ApiError, api } from '../shared/api';
import { showError } from '../shared/banner';
import { h, mount } from '../shared/dom';
import { formatDateTime } from '../shared/format';
import type { UploadSession } from '../shared/types';

const PARALLEL = 3;
const CHUNK = 1 << 20;
const POLL_MS = 3000;
const FINGERPRINT_PREFIX = 'teleris/';
// tus-js-client keeps each upload under 'tus::<fingerprint>::<random>'.
const STORE_PREFIX = `tus::${FINGERPRINT_PREFIX}`;

type FileStatus = 'waiting' | 'uploading' | 'paused' | 'STORED' | 'DUPLICATE' | 'CONFLICT' | 'REJECTED' | 'error';

interface Outcome {
  entry: number;
  status: 'STORED' | 'DUPLICATE' | 'CONFLICT' | 'REJECTED';
  reasonCode?: string | null;
  reason?: string | null;
}

interface Item {
  file: File;
  path: string;
  sent: number;
  status: FileStatus;
  reason: string;
  upload: tus.Upload | null;
  row: HTMLElement;
  bar: HTMLProgressElement;
  label: HTMLElement;
}

const finished = (s: FileStatus) => s === 'STORED' || s === 'DUPLICATE' || s === 'CONFLICT' || s === 'REJECTED';

/** Uploads of this session left unfinished in this browser (by the page that closed or the network that died). */
function unfinished(sessionId: string): number {
  let n = 0;
  for (let i = 0; i < localStorage.length; i++) {
    if (localStorage.key(i)?.startsWith(`${STORE_PREFIX}${sessionId}/`)) n++;
  }
  return n;
}

/** Every file under a dropped folder (DataTransfer entries), with its path inside the drop. */
async function filesOf(items: DataTransferItemList): Promise<{ file: File; path: string }[]> {
  const out: { file: File; path: string }[] = [];
  const walk = async (entry: FileSystemEntry): Promise<void> => {
    if (entry.isFile) {
      const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
      out.push({ file, path: entry.fullPath.replace(/^\//, '') });
    } else if (entry.isDirectory) {
      const reader = (entry as FileSystemDirectoryEntry).createReader();
      for (;;) {
        const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
        if (batch.length === 0) break;
        for (const child of batch) await walk(child);
      }
    }
  };
  const entries = Array.from(items).map((i) => i.webkitGetAsEntry()).filter((e): e is FileSystemEntry => e !== null);
  for (const e of entries) await walk(e);
  return out;
}

export function studyUpload(caseId: string, mayUpload: boolean): { element: HTMLElement; dispose: () => void } {
  const status = h('div', { 'data-testid': 'upload-session' }, h('p', { class: 'muted' }, t('common.loading')));
  const progress = h('progress', { max: '100', value: '0', hidden: true, 'data-testid': 'study-progress' });
  const progressText = h('p', { class: 'hint', role: 'status', 'data-testid': 'study-progress-text' });
  const resumable = h('p', { class: 'hint', hidden: true, 'data-testid': 'study-resumable' });
  const input = h('input', { type: 'file', multiple: true, id: 'study-files', 'data-testid': 'study-files', class: 'visually-hidden' });
  const folder = h('input', { type: 'file', multiple: true, id: 'study-folder', 'data-testid': 'study-folder', webkitdirectory: true, class: 'visually-hidden' });
  const complete = h('button', { type: 'button', class: 'button button-primary', 'data-testid': 'study-complete' }, t('study.complete'));
  const pause = h('button', { type: 'button', class: 'button', hidden: true, 'data-testid': 'study-pause' }, t('study.pause'));
  const resume = h('button', { type: 'button', class: 'button', hidden: true, 'data-testid': 'study-resume' }, t('study.resume'));
  const fileList = h('ul', { class: 'upload-files', 'data-testid': 'upload-files' });
  const drop = h('div', { class: 'drop-zone', tabindex: '0', 'data-testid': 'study-drop' }, t('study.drop'));
  let session: UploadSession | null = null;
  let disposed = false;
  let paused = false;
  const items: Item[] = [];
  const byPath = new Map<string, Item>();

  const busy = () => items.some((i) => !finished(i.status) && i.status !== 'error');

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
    const open = s.state !== 'COMPLETE';
    complete.hidden = !mayUpload || !open;
    complete.disabled = busy() || s.stored === 0;
    drop.hidden = !mayUpload || !open;
    const left = open ? unfinished(s.id) : 0;
    resumable.hidden = left === 0 || busy();
    resumable.textContent = t('study.resumable', { n: left });
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

  const showItem = (item: Item) => {
    item.bar.value = item.file.size ? Math.round((item.sent / item.file.size) * 100) : 100;
    item.row.dataset.status = item.status;
    const word = t(`study.file.${item.status}` as 'study.file.waiting');
    item.label.textContent = item.reason ? `${word}: ${item.reason}` : word;
  };

  const showTotals = () => {
    const total = items.reduce((n, i) => n + i.file.size, 0);
    const sent = items.reduce((n, i) => n + i.sent, 0);
    progress.value = total ? Math.round((sent / total) * 100) : 0;
    const done = items.filter((i) => finished(i.status)).length;
    const refused = items.filter((i) => i.status === 'REJECTED' || i.status === 'CONFLICT').length;
    progressText.textContent = t('study.progress', { done, total: items.length, failed: refused });
    pause.hidden = paused || !busy();
    resume.hidden = !paused || !busy();
    render();
  };

  /** After the last byte: the outcome of each file (a zip has several), then the upload is deleted. */
  const settle = async (item: Item, url: string) => {
    try {
      const r = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
      const outcomes: Outcome[] = r.ok ? (await r.json()).outcomes : [];
      const bad = outcomes.filter((o) => o.status === 'REJECTED' || o.status === 'CONFLICT');
      item.status = outcomes.length === 0 ? 'error' : bad.length ? bad[0].status : outcomes.some((o) => o.status === 'STORED') ? 'STORED' : 'DUPLICATE';
      item.reason = bad.map((o) => (outcomes.length > 1 ? `#${o.entry} ` : '') + `${o.reasonCode ?? ''} ${o.reason ?? ''}`.trim()).join('; ');
      await fetch(url, { method: 'DELETE', headers: { 'Tus-Resumable': '1.0.0' }, credentials: 'same-origin' });
    } catch (error) {
      item.status = 'error';
      item.reason = String(error);
    }
  };

  const start = (item: Item) => {
    if (!session) return;
    const sessionId = session.id;
    item.status = 'uploading';
    if (!item.upload) {
      item.upload = new tus.Upload(item.file, {
        endpoint: new URL('api/uploads', document.baseURI).href,
        chunkSize: CHUNK,
        retryDelays: [0, 1000, 3000, 5000, 10000, 20000],
        metadata: { session: sessionId },
        // Kept in this browser only: which upload each file of this session has, to continue it later.
        fingerprint: async () => `${FINGERPRINT_PREFIX}${sessionId}/${item.path}/${item.file.size}/${item.file.lastModified}`,
        storeFingerprintForResuming: true,
        removeFingerprintOnSuccess: true,
        onProgress: (sent) => {
          item.sent = sent;
          showItem(item);
          showTotals();
        },
        onSuccess: () => {
          void settle(item, item.upload?.url ?? '').then(() => {
            item.sent = item.file.size;
            showItem(item);
            pump();
            void load().then(showTotals);
          });
        },
        onError: (error) => {
          item.status = 'error';
          const status = (error as tus.DetailedError).originalResponse?.getStatus();
          const body = (error as tus.DetailedError).originalResponse?.getBody();
          let message = error.message;
          try {
            message = body ? JSON.parse(body).message ?? message : message;
          } catch {
            /* not JSON */
          }
          item.reason = status ? `${status} ${message}` : message;
          showItem(item);
          showTotals();
          pump();
        },
      });
      const upload = item.upload;
      void upload.findPreviousUploads().then((previous) => {
        if (previous.length > 0) upload.resumeFromPreviousUpload(previous[0]);
        if (!paused) upload.start();
      });
    } else {
      item.upload.start();
    }
    showItem(item);
  };

  const pump = () => {
    if (paused) return;
    let active = items.filter((i) => i.status === 'uploading').length;
    for (const item of items) {
      if (active >= PARALLEL) break;
      if (item.status === 'waiting' || item.status === 'paused') {
        start(item);
        active++;
      }
    }
    showTotals();
  };

  const add = (files: { file: File; path: string }[]) => {
    if (!session || files.length === 0) return;
    for (const { file, path } of files) {
      if (byPath.has(path) && byPath.get(path)!.status !== 'error') continue;
      const bar = h('progress', { max: '100', value: '0' });
      const label = h('span', { class: 'hint' });
      const row = h('li', { 'data-testid': 'upload-file', 'data-path': path }, h('span', { class: 'upload-file-name' }, path), bar, label);
      const old = byPath.get(path);
      if (old) {
        old.row.remove();
        items.splice(items.indexOf(old), 1);
      }
      const item: Item = { file, path, sent: 0, status: 'waiting', reason: '', upload: null, row, bar, label };
      items.push(item);
      byPath.set(path, item);
      fileList.append(row);
      showItem(item);
    }
    progress.hidden = false;
    pump();
  };

  const fromInput = (el: HTMLInputElement) =>
    Array.from(el.files ?? []).map((file) => ({ file, path: file.webkitRelativePath || file.name }));
  for (const el of [input, folder]) {
    el.addEventListener('change', () => {
      add(fromInput(el));
      el.value = '';
    });
  }
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('drop-active');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('drop-active'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('drop-active');
    if (!e.dataTransfer) return;
    const list = e.dataTransfer.items;
    const plain = Array.from(e.dataTransfer.files).map((file) => ({ file, path: file.name }));
    void (list && list.length && typeof list[0].webkitGetAsEntry === 'function' ? filesOf(list) : Promise.resolve([]))
      .then((found) => add(found.length ? found : plain));
  });
  pause.addEventListener('click', () => {
    paused = true;
    for (const item of items) {
      if (item.status === 'uploading' && item.upload) {
        void item.upload.abort();
        item.status = 'paused';
        showItem(item);
      }
    }
    showTotals();
  });
  resume.addEventListener('click', () => {
    paused = false;
    pump();
  });
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
    if (!busy()) void load();
  }, POLL_MS);
  void load();

  const uploader = mayUpload
    ? h(
        'div',
        { class: 'study-uploader' },
        h('p', { class: 'hint' }, t('study.hint')),
        resumable,
        drop,
        h('div', { class: 'form-actions' },
          h('label', { for: input.id, class: 'button' }, t('study.chooseFiles')), input,
          h('label', { for: folder.id, class: 'button' }, t('study.chooseFolder')), folder,
          pause, resume, complete),
        progress,
        progressText,
        fileList,
      )
    : null;
  return {
    element: h('section', { class: 'card', 'aria-labelledby': 'study-heading', 'data-testid': 'study-card' }, h('h2', { id: 'study-heading' }, t('study.heading')), status, uploader),
    dispose: () => {
      disposed = true;
      window.clearInterval(timer);
      for (const item of items) if (item.status === 'uploading') void item.upload?.abort();
    },
  };
}
