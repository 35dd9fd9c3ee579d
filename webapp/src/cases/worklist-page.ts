// EXPERT: the worklist of received studies for reporting (stage II, live countdown to the time
// limit); below it, the cases in triage, read-only.
import { layout } from '../app/layout';
import { liveChannel } from '../app/live-session';
import type { View } from '../app/view';
import { t } from '../i18n/i18n';
import { showError } from '../shared/banner';
import { h } from '../shared/dom';
import { CaseFeed } from './case-feed';
import { caseList } from './case-list';
import { worklistPanel } from '../reporting/worklist-panel';

export function worklistPage(): View {
  const live = liveChannel();
  const feed = new CaseFeed();
  const studies = worklistPanel(live);
  const triage = caseList({
    feed,
    labelledBy: 'worklist-triage-heading',
    emptyText: 'worklist.triageEmpty',
    showOrganisation: true,
  });
  feed.start(live).catch((error) => {
    showError(error);
    triage.failed();
  });

  return layout({
    title: t('worklist.title'),
    live,
    dispose: () => {
      feed.stop();
      studies.dispose();
      triage.dispose();
    },
    content: [
      h('h1', { class: 'page-title', 'data-testid': 'page-heading' }, t('worklist.title')),
      h(
        'section',
        { class: 'card', 'aria-labelledby': 'worklist-heading', 'data-testid': 'worklist-studies' },
        h('h2', { id: 'worklist-heading' }, t('worklist.listHeading')),
        h('p', { class: 'muted' }, t('worklist.intro')),
        studies.element,
      ),
      h(
        'section',
        { class: 'card', 'aria-labelledby': 'worklist-triage-heading' },
        h('h2', { id: 'worklist-triage-heading' }, t('worklist.triageHeading')),
        h('p', { class: 'muted' }, t('worklist.triageIntro')),
        triage.element,
      ),
    ],
  });
}
