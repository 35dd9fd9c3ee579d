// Files dragged (or chosen) into a page become sanitised previews: each is sent with its own
// progress bar, the server's sanitised result is shown with what was removed or masked, and
// the author confirms before anything is posted. Used by the new-case form and the chat.
import { t } from '../i18n/i18n';
import { ApiError, uploadPreview } from '../shared/api';
import { h, mount } from '../shared/dom';
import type { Preview } from '../shared/types';
import { previewMedia, reportSummary } from './preview-media';

/** What the server accepts as a preview; chat images are the still ones. */
export const ACCEPT_PREVIEWS = 'image/jpeg,image/png,video/mp4,video/webm,application/dicom,.dcm';
export const ACCEPT_STILLS = 'image/jpeg,image/png,application/dicom,.dcm';

interface Item {
  row: HTMLElement;
  preview?: Preview;
  pending: boolean;
}

export interface PreviewPicker {
  element: HTMLElement;
  /** Sanitised previews the author kept, in the order added. */
  previewIds(): string[];
  /** True while a file is still on its way. */
  busy(): boolean;
  /** True when there is nothing to confirm, or the author confirmed what the server kept. */
  confirmed(): boolean;
  reset(): void;
}

export function previewPicker(options: { id: string; multiple: boolean; label: string; hint: string; accept?: string }): PreviewPicker {
  const items: Item[] = [];
  const input = h('input', { type: 'file', id: `${options.id}-input`, accept: options.accept ?? ACCEPT_PREVIEWS, multiple: options.multiple, class: 'visually-hidden', 'data-testid': `${options.id}-input` });
  const list = h('ul', { class: 'preview-list', 'data-testid': `${options.id}-list` });
  const confirm = h('input', { type: 'checkbox', id: `${options.id}-confirm`, 'data-testid': `${options.id}-confirm` });
  const confirmRow = h('label', { class: 'checkbox preview-confirm', for: confirm.id, hidden: true }, confirm, ' ', t('preview.confirm'));
  const zone = h(
    'div',
    { class: 'drop-zone', 'data-testid': `${options.id}-drop`, tabindex: '0', role: 'button', 'aria-describedby': `${options.id}-hint` },
    h('p', null, h('strong', null, options.label)),
    h('p', { class: 'hint', id: `${options.id}-hint` }, options.hint),
  );

  const refreshConfirm = () => {
    const kept = items.some((i) => i.preview);
    confirmRow.hidden = !kept;
    if (!kept) confirm.checked = false;
  };

  const remove = (item: Item) => {
    items.splice(items.indexOf(item), 1);
    item.row.remove();
    confirm.checked = false;
    refreshConfirm();
  };

  const add = (file: File) => {
    if (!options.multiple) for (const old of [...items]) remove(old);
    const bar = h('progress', { max: '100', value: '0', 'data-testid': 'preview-progress', 'aria-label': t('preview.uploading') });
    const status = h('span', { class: 'preview-status', role: 'status' }, t('preview.uploading'));
    const body = h('div', { class: 'preview-body' }, bar, status);
    const removeButton = h('button', { type: 'button', class: 'button button-quiet', 'data-testid': 'preview-remove' }, t('preview.remove'));
    // the file's own name is not shown back to the team: it is often the patient's name
    const row = h('li', { class: 'preview-item', 'data-testid': 'preview-item', 'data-state': 'uploading' }, body, removeButton);
    const item: Item = { row, pending: true };
    items.push(item);
    list.append(row);
    const upload = uploadPreview(file, (loaded, total) => {
      bar.value = total > 0 ? Math.round((loaded / total) * 100) : 0;
    });
    removeButton.addEventListener('click', () => {
      upload.abort();
      remove(item);
    });
    upload.done
      .then((preview) => {
        item.preview = preview;
        row.dataset.state = 'sanitised';
        row.dataset.previewId = preview.id;
        mount(body, previewMedia(preview, t('preview.alt')), h('div', null, h('p', { class: 'preview-status' }, t('preview.sanitised')), reportSummary(preview.report)));
      })
      .catch((error: unknown) => {
        row.dataset.state = 'refused';
        const reason = error instanceof ApiError ? error.message : t('preview.failed');
        mount(body, h('p', { class: 'field-error', 'data-testid': 'preview-refused' }, t('preview.refused', { reason })));
      })
      .finally(() => {
        item.pending = false;
        confirm.checked = false;
        refreshConfirm();
      });
  };

  const addAll = (files: FileList | null | undefined) => {
    for (const file of Array.from(files ?? [])) add(file);
  };
  input.addEventListener('change', () => {
    addAll(input.files);
    input.value = '';
  });
  zone.addEventListener('click', () => input.click());
  zone.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      input.click();
    }
  });
  zone.addEventListener('dragover', (e) => {
    e.preventDefault();
    zone.classList.add('is-over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('is-over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('is-over');
    addAll(e.dataTransfer?.files);
  });

  return {
    element: h('div', { class: 'preview-picker', 'data-testid': options.id }, h('label', { for: input.id, class: 'visually-hidden' }, options.label), input, zone, list, confirmRow),
    previewIds: () => items.flatMap((i) => (i.preview ? [i.preview.id] : [])),
    busy: () => items.some((i) => i.pending),
    confirmed: () => !items.some((i) => i.preview) || confirm.checked,
    reset: () => {
      for (const item of [...items]) remove(item);
    },
  };
}
