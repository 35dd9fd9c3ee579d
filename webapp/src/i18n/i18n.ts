// Message bundles and the current language. All UI text comes from en.json / ru.json;
// `npm run build` refuses bundles whose keys differ (scripts/check-i18n.mjs), and tsc
// refuses a t('key') whose key is not in en.json.
import en from './en.json';
import ru from './ru.json';

export type MessageKey = keyof typeof en;
export type Lang = 'en' | 'ru';
export const LANGS: readonly Lang[] = ['ru', 'en'];

const bundles: Record<Lang, Record<string, string>> = { en, ru };
const STORAGE_KEY = 'teleris.lang';
const listeners = new Set<(lang: Lang) => void>();

function initialLang(): Lang {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored === 'en' || stored === 'ru') return stored;
  } catch {
    /* storage unavailable: fall through */
  }
  const nav = (navigator.languages?.[0] ?? navigator.language ?? 'en').toLowerCase();
  return nav.startsWith('ru') ? 'ru' : 'en';
}

let current: Lang = initialLang();

export function lang(): Lang {
  return current;
}

/** BCP 47 locale for Intl formatting. */
export function locale(): string {
  return current === 'ru' ? 'ru-RU' : 'en-GB';
}

export function setLang(next: Lang): void {
  if (next === current) return;
  current = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    /* not remembered, still switched */
  }
  document.documentElement.lang = next;
  for (const listener of listeners) listener(next);
}

export function onLangChange(listener: (lang: Lang) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Translates `key`, replacing {name} placeholders with `params`. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const text = bundles[current][key] ?? bundles.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** Translates a key built at run time (e.g. 'role.' + role), falling back to `fallback`. */
export function tDynamic(key: string, fallback: string): string {
  return bundles[current][key] ?? bundles.en[key] ?? fallback;
}

document.documentElement.lang = current;
