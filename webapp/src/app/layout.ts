// The frame of every page: header (brand, user, live indicator, language, logout),
// the error banner, and the page's own content in <main>.
import { currentUser } from '../auth/session';
import { logout } from '../auth/logout';
import { languageSwitch } from '../i18n/language-switch';
import { t, tDynamic } from '../i18n/i18n';
import { bannerRegion } from '../shared/banner';
import { h, type Child } from '../shared/dom';
import type { LiveChannel } from '../shared/live';
import type { View } from './view';

export interface LayoutOptions {
  title: string;
  content: Child[];
  /** Shows the live/reconnecting indicator of this channel in the header. */
  live?: LiveChannel;
  dispose?: () => void;
}

export function layout(options: LayoutOptions): View {
  const user = currentUser();
  const disposers: (() => void)[] = [];
  if (options.dispose) disposers.push(options.dispose);

  const right: Child[] = [];
  if (options.live) {
    const indicator = h('span', { class: 'live-indicator', 'data-testid': 'live-indicator', role: 'status' });
    disposers.push(
      options.live.onStatus((status) => {
        indicator.dataset.status = status;
        indicator.textContent = tDynamic(`live.${status}`, status);
      }),
    );
    right.push(indicator);
  }
  right.push(languageSwitch());
  if (user) {
    right.push(
      h('button', { type: 'button', class: 'button button-quiet', 'data-testid': 'logout', onclick: () => void logout() }, t('header.logout')),
    );
  }

  const header = h(
    'header',
    { class: 'topbar' },
    h('div', { class: 'brand' }, h('span', { class: 'brand-mark', 'aria-hidden': 'true' }, '✚'), h('span', null, t('app.name'))),
    user
      ? h(
          'div',
          { class: 'who', 'data-testid': 'who' },
          h('span', { class: 'who-name', 'data-testid': 'user-name' }, user.displayName),
          h('span', { class: 'who-org', 'data-testid': 'user-org' }, user.organisationName),
          h('span', { class: 'role-badge', 'data-testid': 'user-role', 'data-role': user.role }, tDynamic(`role.${user.role}`, user.role)),
        )
      : h('div', { class: 'who' }),
    h('div', { class: 'topbar-actions' }, right),
  );

  const element = h(
    'div',
    { class: 'page' },
    h('a', { class: 'skip-link', href: '#main', onclick: skipToMain }, t('app.skip')),
    header,
    bannerRegion(),
    h('main', { id: 'main', class: 'main', tabindex: '-1' }, options.content),
  );
  return { title: options.title, element, dispose: () => disposers.forEach((d) => d()) };
}

function skipToMain(event: Event): void {
  event.preventDefault(); // keep the hash route
  document.getElementById('main')?.focus();
}
