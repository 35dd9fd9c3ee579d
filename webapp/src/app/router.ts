// Hash routing: #/login and #/home. The server needs no fallback rules.
import { currentUser } from '../auth/session';
import { clearBanner } from '../shared/banner';
import { onLangChange, t } from '../i18n/i18n';
import type { View } from './view';

export type Route = 'login' | 'home';
type ViewFactory = () => View;

const factories = new Map<Route, ViewFactory>();
let root: HTMLElement;
let active: View | null = null;

export function registerRoute(route: Route, factory: ViewFactory): void {
  factories.set(route, factory);
}

export function currentRoute(): Route {
  const path = location.hash.replace(/^#\/?/, '').split('?')[0];
  return path === 'home' ? 'home' : 'login';
}

export function navigate(route: Route): void {
  const hash = `#/${route}`;
  if (location.hash === hash) render();
  else location.hash = hash; // triggers hashchange → render
}

function render(): void {
  let route = currentRoute();
  // Guards: only the login page without a session, never the login page with one.
  if (route !== 'login' && !currentUser()) route = 'login';
  if (route === 'login' && currentUser()) route = 'home';
  if (`#/${route}` !== location.hash) {
    history.replaceState(null, '', `#/${route}`);
  }
  active?.dispose?.();
  const factory = factories.get(route);
  if (!factory) return;
  active = factory();
  root.replaceChildren(active.element);
  document.title = `${active.title} · ${t('app.name')}`;
}

/** Re-renders the current page (after a language change). */
export function refresh(): void {
  render();
}

export function startRouter(rootElement: HTMLElement): void {
  root = rootElement;
  window.addEventListener('hashchange', () => {
    clearBanner();
    render();
  });
  onLangChange(() => render());
  render();
}
