import { useEffect } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';

/** Keeps <html lang> and the browser tab's title in the chosen language (screen readers, spell checkers). */
export function useDocumentLanguage(): void {
  const [locale] = useLocaleState();
  const translate = useTranslate();
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = translate('app.title');
  }, [locale, translate]);
}
