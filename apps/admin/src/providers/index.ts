/** The providers handed to <Admin>. */
export { authHeaders, authProvider } from './authProvider';
export { createDataProvider } from './dataProvider';
export { DEFAULT_LOCALE, i18nProvider, LOCALES } from './i18nProvider';
