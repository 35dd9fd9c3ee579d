// Hash routing: #/login, #/home, #/cases/<id> and #/studies/<StudyInstanceUID>/viewer. The server needs no fallback rules.
import { currentUser } from '../auth/session';
import { clearBanner } from '../shared/banner';
import { onLangChange, t } from '../i18n/i18n';
import type { View } from './view';

export type Route = 'login' | 'home' | 'case' | 'viewer' | 'report';
/** `param` is the route's path parameter (the case id of #/cases/<id>). */
type ViewFactory = (param: string) => View;

const factories = new Map<Route, ViewFactory>();
let root: HTMLElement;
let active: View | null = null;

export function registerRoute(route: Route, factory: ViewFactory): void {
  factories.set(route, factory);
}

export function currentRoute(): Route {
  return parse().route;
}

function parse(): { route: Route; param: string } {
  const path = location.hash.replace(/^#\/?/, '').split('?')[0];
  if (path === 'home') return { route: 'home', param: '' };
  const caseMatch = /^cases\/([^/]+)$/.exec(path);
  if (caseMatch) return { route: 'case', param: decodeURIComponent(caseMatch[1]) };
  const reportMatch = /^reports\/([^/]+)$/.exec(path);
  if (reportMatch) return { route: 'report', param: decodeURIComponent(reportMatch[1]) };
  const viewerMatch = /^studies\/([^/]+)\/viewer$/.exec(path);
  if (viewerMatch) return { route: 'viewer', param: decodeURIComponent(viewerMatch[1]) };
  return { route: 'login', param: '' };
}

/** The hash of a study in the viewer. */
export function viewerHref(studyInstanceUid: string): string {
  return `#/studies/${encodeURIComponent(studyInstanceUid)}/viewer`;
}

function hrefOf(route: Route, param: string): string {
  if (route === 'case') return caseHref(param);
  if (route === 'viewer') return viewerHref(param);
  if (route === 'report') return `#/reports/${encodeURIComponent(param)}`;
  return `#/${route}`;
}

/** The hash of a case's page. */
export function caseHref(id: string): string {
  return `#/cases/${encodeURIComponent(id)}`;
}

export function navigate(route: Route): void {
  const hash = `#/${route}`;
  if (location.hash === hash) render();
  else location.hash = hash; // triggers hashchange → render
}

/** A deep link (#/cases/<id>) opened without a session: shown after signing in. */
let returnTo: string | null = null;

/** Where to go after signing in: the deep link that led to the login page, else home. */
export function navigateAfterLogin(): void {
  const target = returnTo;
  returnTo = null;
  if (target && target !== location.hash) location.hash = target;
  else navigate('home');
}

function render(): void {
  let { route, param } = parse();
  // Guards: only the login page without a session, never the login page with one.
  // A deep link such as #/cases/<id> without a session shows the login page, then the case.
  if (route !== 'login' && !currentUser()) {
    if (route === 'case' || route === 'viewer' || route === 'report') returnTo = hrefOf(route, param);
    route = 'login';
  }
  if (route === 'login' && currentUser()) route = 'home';
  const hash = hrefOf(route, param);
  // a query on the same route (#/home?tab=audit) is the page's own state: kept
  if (hash !== location.hash.split('?')[0]) {
    history.replaceState(null, '', hash);
  }
  active?.dispose?.();
  const factory = factories.get(route);
  if (!factory) return;
  active = factory(param);
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
