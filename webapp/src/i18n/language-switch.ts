// RU / EN switch, shown in the header of every page including login.
import { h } from '../shared/dom';
import { lang, LANGS, setLang, t } from './i18n';

export function languageSwitch(): HTMLElement {
  return h(
    'div',
    { class: 'lang-switch', role: 'group', 'aria-label': t('lang.label') },
    LANGS.map((code) =>
      h(
        'button',
        {
          type: 'button',
          class: 'lang-button',
          lang: code,
          'aria-pressed': String(code === lang()),
          title: code === 'ru' ? t('lang.ru') : t('lang.en'),
          'data-lang': code,
          onclick: () => setLang(code),
        },
        code.toUpperCase(),
      ),
    ),
  );
}
