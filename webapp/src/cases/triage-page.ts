// CONSULTANT: the triage channel — open cases from all organisations, live, newest first.
import { layout } from '../app/layout';
import { liveChannel } from '../app/live-session';
import type { View } from '../app/view';
import { t } from '../i18n/i18n';
import { api } from '../shared/api';
import { clearBanner, showError } from '../shared/banner';
import { h, mount } from '../shared/dom';
import type { Case } from '../shared/types';
import { CaseFeed } from './case-feed';
import { caseList } from './case-list';

/** States in which a case still waits for a triage decision. */
const OPEN_STATES = new Set(['SUBMITTED', 'CLAIMED']);
export const isOpen = (c: Case) => OPEN_STATES.has(c.state);

/** Most urgent first: overdue cases still waiting for a consultant, then the rest (newest first). */
export const byUrgency = (a: Case, b: Case) => urgency(b) - urgency(a);

export function triagePage(): View {
  const live = liveChannel();
  const feed = new CaseFeed(isOpen);
  const claim = async (button: HTMLButtonElement, c: Case) => {
    clearBanner();
    button.disabled = true;
    try {
      feed.upsert([await api.claim(c.id)], false);
    } catch (error) {
      showError(error);
      // refused (e.g. someone claimed it first): show the list as it now is
      void feed.reload().catch(() => {});
    } finally {
      button.disabled = false;
    }
  };
  const list = caseList({
    feed,
    labelledBy: 'triage-heading',
    emptyText: 'triage.empty',
    showOrganisation: true,
    sort: byUrgency,
    actions: (c) => {
      if (c.state !== 'SUBMITTED') return null;
      const button: HTMLButtonElement = h(
        'button',
        { type: 'button', class: 'button button-primary button-small', 'data-testid': 'claim-button', onclick: () => void claim(button, c) },
        t('action.claim'),
      );
      return button;
    },
  });
  const stopCounting = countUnseenInTitle(feed, () => `${t('triage.title')} · ${t('app.name')}`);
  feed.start(live).catch((error) => {
    showError(error);
    list.failed();
  });

  return layout({
    title: t('triage.title'),
    live,
    dispose: () => {
      stopCounting();
      feed.stop();
      list.dispose();
    },
    content: [
      h('h1', { class: 'page-title', 'data-testid': 'page-heading' }, t('triage.title')),
      overdueAlert(feed),
      h(
        'section',
        { class: 'card', 'aria-labelledby': 'triage-heading' },
        h('h2', { id: 'triage-heading' }, t('triage.listHeading')),
        h('p', { class: 'muted' }, t('triage.intro')),
        list.element,
      ),
    ],
  });
}

/** A visible alert while any case is unclaimed past the triage time limit. */
export function overdueAlert(feed: CaseFeed): HTMLElement {
  const region = h('div', { 'data-testid': 'overdue-alert', 'aria-live': 'polite' });
  feed.onChange((cases) => {
    const overdue = cases.filter((c) => c.overdue && c.state === 'SUBMITTED').length;
    mount(region, overdue > 0 ? h('p', { class: 'note note-bad' }, t('cases.overdueAlert', { count: overdue })) : null);
  });
  return region;
}

function urgency(c: Case): number {
  return c.overdue && c.state === 'SUBMITTED' ? 1 : 0;
}

/** While the tab is in the background, the title counts new arrivals: "(2) Triage channel". */
function countUnseenInTitle(feed: CaseFeed, baseTitle: () => string): () => void {
  let unseen = 0;
  const reset = () => {
    if (document.visibilityState === 'visible' && unseen > 0) {
      unseen = 0;
      document.title = baseTitle();
    }
  };
  feed.onChange((_cases, fresh) => {
    if (fresh.size > 0 && document.visibilityState === 'hidden') {
      unseen += fresh.size;
      document.title = `(${unseen}) ${baseTitle()}`;
    }
  });
  document.addEventListener('visibilitychange', reset);
  return () => document.removeEventListener('visibilitychange', reset);
}
