// What other pages import: mountViewer() with the viewer (cornerstone3D, a few MB) loaded on
// first use as its own chunk, so pages without a viewer do not download it.
import { t } from '../i18n/i18n';
import { showError } from '../shared/banner';
import { h } from '../shared/dom';
import type { ViewerHandle, ViewerOptions } from './viewer';

export type { ViewerHandle, ViewerOptions };

/**
 * Shows the study in `container` (which it owns until dispose()): series list, stack viewport,
 * window presets, zoom/pan, measurements, AI overlay. The container should be in the document.
 */
export function mountViewer(container: HTMLElement, studyInstanceUid: string, options: ViewerOptions = {}): ViewerHandle {
  let inner: ViewerHandle | null = null;
  let disposed = false;
  container.replaceChildren(h('p', { class: 'muted', role: 'status' }, t('viewer.loading')));
  import('./viewer')
    .then((module) => {
      if (!disposed) inner = module.mountViewer(container, studyInstanceUid, options);
    })
    .catch((error: unknown) => (options.onError ?? showError)(error));
  return {
    dispose() {
      disposed = true;
      inner?.dispose();
    },
  };
}
