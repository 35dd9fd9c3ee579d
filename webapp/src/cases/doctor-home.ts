// DOCTOR: create a case; the organisation's cases, live.
import { layout } from '../app/layout';
import { liveChannel } from '../app/live-session';
import type { View } from '../app/view';
import { t } from '../i18n/i18n';
import { showError } from '../shared/banner';
import { h } from '../shared/dom';
import { CaseFeed } from './case-feed';
import { caseForm } from './case-form';
import { caseList } from './case-list';
import type { CurrentUser } from '../shared/types';

export function doctorHome(user: CurrentUser): View {
  const live = liveChannel();
  // The server sends a doctor only their organisation's cases; filter anyway.
  const feed = new CaseFeed((c) => c.organisationId === user.organisationId);
  const list = caseList({ feed, labelledBy: 'cases-heading', emptyText: 'doctor.empty', showOrganisation: false });
  feed.start(live).catch((error) => {
    showError(error);
    list.failed();
  });

  return layout({
    title: t('doctor.title'),
    live,
    dispose: () => {
      feed.stop();
      list.dispose();
    },
    content: [
      h('h1', { class: 'page-title', 'data-testid': 'page-heading' }, t('doctor.title')),
      h(
        'div',
        { class: 'columns' },
        h(
          'section',
          { class: 'card', 'aria-labelledby': 'case-form-heading' },
          h('h2', { id: 'case-form-heading' }, t('caseForm.heading')),
          caseForm((created) => feed.upsert([created], false)),
        ),
        h(
          'section',
          { class: 'card', 'aria-labelledby': 'cases-heading' },
          h('h2', { id: 'cases-heading' }, t('doctor.listHeading', { organisation: user.organisationName })),
          list.element,
        ),
      ),
    ],
  });
}
