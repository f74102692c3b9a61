/**
 * Vietnamese by default, English on request (LocalesMenuButton in the app bar). react-admin keeps the choice in its
 * store, so the panel reopens in the language last chosen.
 */
import polyglotI18nProvider from 'ra-i18n-polyglot';
import { en } from '../i18n/en';
import { vi } from '../i18n/vi';

export const DEFAULT_LOCALE = 'vi';

/** Language names are written in their own language, as language pickers do. */
export const LOCALES = [
  { locale: 'vi', name: 'Tiếng Việt' },
  { locale: 'en', name: 'English' },
];

export const i18nProvider = polyglotI18nProvider((locale) => (locale === 'en' ? en : vi), DEFAULT_LOCALE, LOCALES, {
  // A server message shown as a field error is not a key; show it as it is instead of warning in the console.
  allowMissing: true,
});
