import { en } from '../../i18n/en';
import { vi } from '../../i18n/vi';
import { AUDIT_OPERATIONS } from './operations';

type Messages = { [key: string]: string | Messages };
const get = (messages: unknown, path: string) => path.split('.').reduce<unknown>((m, k) => (m as Messages | undefined)?.[k], messages);

describe('audit operations', () => {
  it('has a label for every operation the API records, in both languages', () => {
    const missing = AUDIT_OPERATIONS.filter((op) => typeof get(vi, `app.audit.operations.${op}`) !== 'string' || typeof get(en, `app.audit.operations.${op}`) !== 'string');
    expect(missing).toEqual([]);
  });
});
