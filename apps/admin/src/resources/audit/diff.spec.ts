import { diffRows, displayValue, parseJson, prettyJson } from './diff';

describe('the audit entry side by side', () => {
  it('lines up the fields of both sides and marks what changed', () => {
    const rows = diffRows('{"displayName":"Văn phòng","active":true,"passwordVersion":1}', '{"displayName":"Văn phòng Đảng ủy","active":true,"passwordVersion":2}');
    expect(rows).toEqual([
      { key: 'displayName', before: 'Văn phòng', after: 'Văn phòng Đảng ủy', changed: true },
      { key: 'active', before: true, after: true, changed: false },
      { key: 'passwordVersion', before: 1, after: 2, changed: true },
    ]);
  });

  it('shows a creation (no before) and a deletion (no after) with every field changed', () => {
    expect(diffRows(null, '{"name":"Power BI","unitId":10}')).toEqual([
      { key: 'name', before: undefined, after: 'Power BI', changed: true },
      { key: 'unitId', before: undefined, after: 10, changed: true },
    ]);
    expect(diffRows('{"username":"x"}', null)).toEqual([{ key: 'username', before: 'x', after: undefined, changed: true }]);
    expect(diffRows(null, null)).toEqual([]);
  });

  it('adds the keys only the after side has, after those of the before side', () => {
    expect(diffRows('{"a":1}', '{"b":2,"a":1}').map((r) => r.key)).toEqual(['a', 'b']);
  });

  it('keeps a value that is not an object (or not JSON) as one row', () => {
    expect(diffRows('[1,2]', '[1,2,3]')).toEqual([{ key: '', before: [1, 2], after: [1, 2, 3], changed: true }]);
    expect(parseJson('không phải JSON')).toBe('không phải JSON');
  });

  it('writes values for a table cell and the raw view', () => {
    expect(displayValue('Mỹ Thạnh')).toBe('Mỹ Thạnh');
    expect(displayValue(2)).toBe('2');
    expect(displayValue(false)).toBe('false');
    expect(displayValue(null)).toBe('');
    expect(displayValue({ a: [1] })).toBe('{\n  "a": [\n    1\n  ]\n}');
    expect(prettyJson('{"a":1}')).toBe('{\n  "a": 1\n}');
    expect(prettyJson(null)).toBe('');
  });
});
