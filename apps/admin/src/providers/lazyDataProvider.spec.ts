import type { DataProvider } from 'react-admin';
import { lazyDataProvider } from './lazyDataProvider';

describe('lazyDataProvider', () => {
  it('loads the real provider on the first call only, and forwards every call with its arguments', async () => {
    const getOne = jest.fn(async (resource: string, params: unknown) => ({ data: { id: 1, resource, params } }));
    const load = jest.fn(async () => ({ getOne }) as unknown as DataProvider);
    const provider = lazyDataProvider(load);
    expect(load).not.toHaveBeenCalled();
    const [a, b] = await Promise.all([provider.getOne('Member', { id: 1 }), provider.getOne('OrgUnit', { id: 2 })]);
    expect(load).toHaveBeenCalledTimes(1);
    expect(a.data).toEqual({ id: 1, resource: 'Member', params: { id: 1 } });
    expect(b.data).toEqual({ id: 1, resource: 'OrgUnit', params: { id: 2 } });
  });

  it('retries the load after a failed one', async () => {
    const load = jest
      .fn<Promise<DataProvider>, []>()
      .mockRejectedValueOnce(new Error('offline'))
      .mockResolvedValueOnce({ getList: async () => ({ data: [], total: 0 }) } as unknown as DataProvider);
    const provider = lazyDataProvider(load);
    await expect(provider.getList('Member', {} as never)).rejects.toThrow('offline');
    await expect(provider.getList('Member', {} as never)).resolves.toEqual({ data: [], total: 0 });
    expect(load).toHaveBeenCalledTimes(2);
  });
});
