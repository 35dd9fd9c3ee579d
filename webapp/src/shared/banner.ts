// The dismissible error banner shown above every page's content.
import { ApiError, NetworkError } from './api';
import { h, mount } from './dom';
import { t, tDynamic } from '../i18n/i18n';

let region: HTMLElement | null = null;

/** The layout gives the banner its place; a page change keeps it empty. */
export function bannerRegion(): HTMLElement {
  region = h('div', { class: 'banner-region', id: 'banner-region' });
  return region;
}

export function describeError(error: unknown): string {
  if (error instanceof NetworkError) return t('error.network');
  if (error instanceof ApiError) {
    // a refused command (409) also says where the case now stands
    const state = error.body.currentState;
    if (error.status === 409 && typeof state === 'string') {
      return `${error.message} ${t('error.currentState', { state: tDynamic(`state.${state}`, state) })}`;
    }
    return error.message;
  }
  return t('error.unexpected');
}

export function showError(error: unknown): void {
  if (!region) return;
  if (!(error instanceof ApiError) && !(error instanceof NetworkError)) console.error(error);
  const status = error instanceof ApiError ? t('error.status', { status: error.status }) : null;
  const banner = h(
    'div',
    { class: 'banner banner-error', role: 'alert', 'data-testid': 'error-banner' },
    h('p', { class: 'banner-text' }, status ? h('strong', null, status, ' ') : null, describeError(error)),
    h(
      'button',
      {
        type: 'button',
        class: 'banner-close',
        'aria-label': t('error.dismiss'),
        title: t('error.dismiss'),
        onclick: () => clearBanner(),
      },
      '×',
    ),
  );
  mount(region, banner);
}

export function clearBanner(): void {
  if (region) region.replaceChildren();
}
