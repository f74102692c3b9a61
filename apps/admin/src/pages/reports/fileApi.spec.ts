jest.mock('../../config', () => ({ GRAPHQL_URL: 'http://api.test/graphql' }));
import { API_BASE, exportPath, fileNameOf } from './fileApi';

describe('file routes of the API', () => {
  it('sit beside /graphql', () => expect(API_BASE).toBe('http://api.test'));

  it('take the Vietnamese file name of a download, else its ASCII one', () => {
    expect(fileNameOf(`attachment; filename="Danh_sach.xlsx"; filename*=UTF-8''${encodeURIComponent('Danh sách đảng viên.xlsx')}`, 'x')).toBe('Danh sách đảng viên.xlsx');
    expect(fileNameOf('attachment; filename="Danh_sach.xlsx"', 'x')).toBe('Danh_sach.xlsx');
    expect(fileNameOf(null, 'x.xlsx')).toBe('x.xlsx');
  });

  it('send the list’s filter (without empty values), sort and visible columns to the export', () => {
    const path = exportPath('Member', { filter: { unitId: '101', q: '', status: undefined }, sort: { field: 'fullName', order: 'DESC' }, columns: ['fullName', 'cellId'] });
    const [route, query] = path.split('?');
    expect(route).toBe('/exports/members.xlsx');
    const q = new URLSearchParams(query);
    expect(JSON.parse(q.get('filter') ?? '')).toEqual({ unitId: '101' });
    expect([q.get('sort'), q.get('order'), q.get('columns')]).toEqual(['fullName', 'DESC', 'fullName,cellId']);
  });
});
