// #/studies/<StudyInstanceUID>/viewer: the study in the DICOM viewer, full width.
import { layout } from '../app/layout';
import type { View } from '../app/view';
import { t } from '../i18n/i18n';
import { h } from '../shared/dom';
import { currentUser } from '../auth/session';
import { aiOnDemand } from './ai-on-demand';
import { mountViewer } from './mount';

export function viewerPage(studyInstanceUid: string): View {
  const host = h('div', { class: 'viewer-host' });
  let handle: { dispose(): void } | null = null;
  const role = currentUser()?.role;
  // The sending clinic's doctor and the experts may send the study to another registered model.
  const onDemand = role === 'DOCTOR' || role === 'EXPERT'
    ? aiOnDemand(studyInstanceUid, () => {
        handle?.dispose();
        handle = mountViewer(host, studyInstanceUid);
      })
    : null;
  const view = layout({
    title: t('viewer.title'),
    dispose: () => {
      onDemand?.dispose();
      handle?.dispose();
    },
    content: [
      h('h1', { class: 'page-title', 'data-testid': 'page-heading' }, t('viewer.title')),
      h('p', { class: 'muted viewer-study', 'data-testid': 'viewer-study' }, t('viewer.study', { uid: studyInstanceUid })),
      host,
      onDemand?.element,
    ],
  });
  // mounted once the page is in the document (cornerstone measures its elements)
  queueMicrotask(() => {
    handle = mountViewer(host, studyInstanceUid);
  });
  return view;
}
