// EXPERT: the worklist. Full studies do not exist yet, so it lists cases read-only and
// says honestly when nothing has been received.
import { layout } from '../app/layout';
import { liveChannel } from '../app/live-session';
import type { View } from '../app/view';
import { t } from '../i18n/i18n';
import { showError } from '../shared/banner';
import { h } from '../shared/dom';
import { CaseFeed } from './case-feed';
import { caseList } from './case-list';

export function worklistPage(): View {
  const live = liveChannel();
  const feed = new CaseFeed();
  const list = caseList({ feed, labelledBy: 'worklist-heading', emptyText: 'worklist.empty', showOrganisation: true });
  feed.start(live).catch((error) => {
    showError(error);
    list.failed();
  });

  return layout({
    title: t('worklist.title'),
    live,
    dispose: () => {
      feed.stop();
      list.dispose();
    },
    content: [
      h('h1', { class: 'page-title', 'data-testid': 'page-heading' }, t('worklist.title')),
      h(
        'section',
        { class: 'card', 'aria-labelledby': 'worklist-heading' },
        h('h2', { id: 'worklist-heading' }, t('worklist.listHeading')),
        h('p', { class: 'muted' }, t('worklist.intro')),
        list.element,
      ),
    ],
  });
}
