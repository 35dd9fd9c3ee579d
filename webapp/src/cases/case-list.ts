// A list of cases (newest first) that re-renders when its feed changes; new arrivals
// are highlighted briefly.
import { caseHref } from '../app/router';
import { t, tDynamic, type MessageKey } from '../i18n/i18n';
import { h, mount, type Child } from '../shared/dom';
import { formatAgo, formatDateTime } from '../shared/format';
import type { Case } from '../shared/types';
import type { CaseFeed } from './case-feed';
import { clinicalLine } from './clinical';

export interface CaseListOptions {
  feed: CaseFeed;
  /** Heading id the list is labelled by. */
  labelledBy: string;
  emptyText: MessageKey;
  showOrganisation: boolean;
  /** Shows only the feed's cases that pass (default: all). */
  filter?: (c: Case) => boolean;
  /** Order of the items (default: the feed's, newest first). */
  sort?: (a: Case, b: Case) => number;
  /** Extra controls of an item (e.g. the triage channel's Claim button). */
  actions?: (c: Case) => Child;
}

export interface CaseListHandle {
  element: HTMLElement;
  /** Shows that the list could not be loaded (the banner says why). */
  failed: () => void;
  dispose: () => void;
}

export function caseList(options: CaseListOptions): CaseListHandle {
  const container = h('div', { class: 'case-list-container', 'data-testid': 'case-list' });
  // tells screen-reader users about arrivals without reading the whole list again
  const announcer = h('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
  let latest: readonly Case[] = [];
  mount(container, h('p', { class: 'muted loading' }, t('common.loading')));

  const render = (all: readonly Case[], fresh: ReadonlySet<string>) => {
    const filtered = options.filter ? all.filter(options.filter) : all;
    const cases = options.sort ? [...filtered].sort(options.sort) : filtered;
    latest = cases;
    const arrived = cases.filter((c) => fresh.has(c.id));
    if (arrived.length > 0) {
      announcer.textContent = arrived
        .map((c) => t('cases.arrived', { organisation: c.organisationName, question: c.question }))
        .join(' ');
    }
    if (cases.length === 0) {
      mount(container, h('p', { class: 'empty-state', 'data-testid': 'empty-state' }, t(options.emptyText)));
      return;
    }
    mount(
      container,
      h(
        'ol',
        { class: 'case-list', 'aria-labelledby': options.labelledBy },
        cases.map((c) => caseItem(c, fresh.has(c.id), options.showOrganisation, options.actions)),
      ),
    );
  };
  options.feed.onChange(render);

  // keep "5 min ago" current
  const timer = window.setInterval(() => {
    if (latest.length > 0) render(latest, new Set());
  }, 30000);
  return {
    element: h('div', null, announcer, container),
    failed: () => {
      if (latest.length === 0) mount(container, h('p', { class: 'empty-state' }, t('cases.loadFailed')));
    },
    dispose: () => window.clearInterval(timer),
  };
}

function caseItem(c: Case, fresh: boolean, showOrganisation: boolean, actions?: (c: Case) => Child): HTMLElement {
  const titleId = `case-${c.id}-q`;
  return h(
    'li',
    { class: fresh ? 'case-item is-new' : 'case-item', 'data-case-id': c.id },
    h(
      'article',
      { 'aria-labelledby': titleId },
      h(
        'div',
        { class: 'case-meta' },
        showOrganisation ? h('span', { class: 'case-org', 'data-testid': 'case-org' }, c.organisationName) : null,
        h(
          'time',
          { class: 'case-time', datetime: c.createdAt, title: formatDateTime(c.createdAt) },
          formatDateTime(c.createdAt),
          h('span', { class: 'case-ago' }, ' · ', formatAgo(c.createdAt)),
        ),
        h('span', { class: 'state-badge', 'data-state': c.state, 'data-testid': 'case-state' }, tDynamic(`state.${c.state}`, c.state)),
        c.overdue ? h('span', { class: 'overdue-badge', 'data-testid': 'overdue-badge' }, t('cases.overdue')) : null,
        c.claimedBy && c.state === 'CLAIMED'
          ? h('span', { class: 'case-holder', 'data-testid': 'case-holder' }, t('cases.claimedBy', { name: c.claimedBy }))
          : null,
        fresh ? h('span', { class: 'new-badge' }, t('cases.new')) : null,
      ),
      h(
        'p',
        { class: 'case-question', id: titleId, 'data-testid': 'case-question' },
        h('a', { class: 'case-link', href: caseHref(c.id), 'data-testid': 'case-link' }, c.question),
      ),
      h(
        'div',
        { class: 'case-tags' },
        h('span', { class: 'tag' }, tDynamic(`modality.${c.modality}`, c.modality)),
        h('span', { class: 'tag' }, tDynamic(`bodyPart.${c.bodyPart}`, c.bodyPart)),
        h('span', { class: 'case-by' }, t('cases.createdBy', { name: c.createdBy })),
      ),
      clinicalLine(c.clinical) ? h('p', { class: 'case-clinical', 'data-testid': 'case-clinical' }, clinicalLine(c.clinical)) : null,
      actions ? h('div', { class: 'case-item-actions' }, actions(c)) : null,
    ),
  );
}
