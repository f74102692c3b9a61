import { AppError } from './errors';
import { toOrder, toPaging } from './list-args';

const fieldOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as AppError).extra.field;
  }
  return null;
};

describe('the list grammar', () => {
  it('pages from 0 and treats a missing perPage as "all", bounded by the maximum', () => {
    expect(toPaging({ page: 2, perPage: 25 }, 1000)).toEqual({ offset: 50, limit: 25 });
    expect(toPaging({}, 1000)).toEqual({ offset: 0, limit: 1000 });
  });

  it.each([
    [{ perPage: 100000 }, 'perPage'],
    [{ perPage: 0 }, 'perPage'],
    [{ page: -1 }, 'page'],
  ])('refuses %j naming %s', (args, field) => {
    expect(fieldOf(() => toPaging(args, 1000))).toBe(field);
  });

  it('maps sort fields through a whitelist only', () => {
    const whitelist = { name: ['u.sortKey'], id: ['u.id'] };
    expect(toOrder({ sortField: 'name', sortOrder: 'desc' }, whitelist, 'id')).toEqual({ columns: ['u.sortKey'], direction: 'DESC' });
    expect(fieldOf(() => toOrder({ sortField: 'password' }, whitelist, 'id'))).toBe('sortField');
    expect(fieldOf(() => toOrder({ sortField: 'constructor' }, whitelist, 'id'))).toBe('sortField');
    expect(fieldOf(() => toOrder({ sortOrder: 'sideways' }, whitelist, 'id'))).toBe('sortOrder');
  });
});
