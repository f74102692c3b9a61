import { DOCUMENT_TYPES, STATE_DOCUMENT_TYPES, documentTypeNames, formatDocumentNumber, parseDocumentNumber } from './document-number';

describe('parseDocumentNumber', () => {
  it.each<[string, object]>([
    ['Số 05-CT/TW', { sequence: '05', typeCode: 'CT', issuerCode: 'TW', system: 'PARTY', normalized: '05-CT/TW', typeNames: ['Chỉ thị'] }],
    ['Số 09 -KH/ĐU', { sequence: '09', typeCode: 'KH', issuerCode: 'ĐU', system: 'PARTY', normalized: '09-KH/ĐU', typeNames: ['Kế hoạch'] }],
    ['2892 \u2011 QĐ/ĐUK', { sequence: '2892', typeCode: 'QĐ', issuerCode: 'ĐUK', normalized: '2892-QĐ/ĐUK', typeNames: ['Quy định', 'Quyết định'] }],
    ['124-CV/BTGHU', { typeCode: 'CV', issuerCode: 'BTGHU', normalized: '124-CV/BTGHU', typeNames: ['Công văn'] }],
    ['43-HD/BTCTW', { typeCode: 'HD', issuerCode: 'BTCTW', normalized: '43-HD/BTCTW', typeNames: ['Hướng dẫn'] }],
    ['38-KH/ĐU', { normalized: '38-KH/ĐU' }],
    ['58-CV/ĐU', { normalized: '58-CV/ĐU' }],
    ['24-BS/UBKTTU', { typeCode: 'BS', typeNames: ['Bản sao'], normalized: '24-BS/UBKTTU' }],
    ['12-TTr/HU', { typeCode: 'TTr', typeNames: ['Tờ trình'], normalized: '12-TTr/HU' }],
    ['12-ttr/hu', { typeCode: 'TTr', issuerCode: 'HU', normalized: '12-TTr/HU' }],
    ['so 05-ct/tw', { typeCode: 'CT', issuerCode: 'TW', normalized: '05-CT/TW' }],
    ['SỐ: 05 – CT / TW', { normalized: '05-CT/TW' }],
    ['số05\u2014CT\uff0fTW', { normalized: '05-CT/TW' }],
    ['Số 05-CT/TW'.normalize('NFD'), { normalized: '05-CT/TW', typeNames: ['Chỉ thị'] }],
    ['09-KH/\u00d0U', { issuerCode: 'ĐU', normalized: '09-KH/ĐU' }],
    ['7-XY/TW', { typeCode: 'XY', typeNames: [], system: 'PARTY', normalized: '7-XY/TW' }],
    ['367-QĐ/TWĐTN-VP', { issuerCode: 'TWĐTN-VP', system: 'PARTY', normalized: '367-QĐ/TWĐTN-VP' }],
    ['30/2020/NĐ-CP', { sequence: '30', year: 2020, typeCode: 'NĐ', issuerCode: 'CP', system: 'STATE', normalized: '30/2020/NĐ-CP', typeNames: ['Nghị định'] }],
    ['Số: 335/2025/nđ-cp', { year: 2025, typeCode: 'NĐ', normalized: '335/2025/NĐ-CP' }],
    ['439/QĐ-TTg', { sequence: '439', typeCode: 'QĐ', issuerCode: 'TTg', system: 'STATE', normalized: '439/QĐ-TTg', typeNames: ['Quyết định'] }],
    ['439/qđ-ttg', { issuerCode: 'TTg', normalized: '439/QĐ-TTg' }],
    ['9329/HD-SNV', { typeCode: 'HD', issuerCode: 'SNV', system: 'STATE', normalized: '9329/HD-SNV' }],
    ['12/2024/QyĐ-UBND', { typeCode: 'QyĐ', typeNames: ['Quy định'], normalized: '12/2024/QyĐ-UBND' }],
    ['01/2015/TTLT-BTC-BNV', { typeCode: 'TTLT', issuerCode: 'BTC-BNV', normalized: '01/2015/TTLT-BTC-BNV' }],
    ['15/2012/QH13', { typeCode: '', issuerCode: 'QH13', year: 2012, typeNames: [], normalized: '15/2012/QH13' }],
    ['123/UBND-VP', { typeCode: '', issuerCode: 'UBND-VP', system: 'STATE', typeNames: ['Công văn'], normalized: '123/UBND-VP' }],
    ['05/HD-TU', { sequence: '05', typeCode: 'HD', issuerCode: 'TU', system: 'PARTY', normalized: '05-HD/TU', typeNames: ['Hướng dẫn'] }],
    ['62/CV-HU', { typeCode: 'CV', system: 'PARTY', normalized: '62-CV/HU' }],
    // Typed without Đ: the same document as with it, so duplicates are caught.
    ['58-CV/DU', { typeCode: 'CV', issuerCode: 'ĐU', system: 'PARTY', normalized: '58-CV/ĐU' }],
    ['58-cv/du', { normalized: '58-CV/ĐU' }],
    ['366-QD/TW', { typeCode: 'QĐ', issuerCode: 'TW', normalized: '366-QĐ/TW', typeNames: ['Quy định', 'Quyết định'] }],
    ['2892-QD/DUK', { typeCode: 'QĐ', issuerCode: 'ĐUK', normalized: '2892-QĐ/ĐUK' }],
    ['05-KL/UBKTDU', { typeCode: 'KL', issuerCode: 'UBKTĐU', normalized: '05-KL/UBKTĐU' }],
    ['58/CV-DU', { system: 'PARTY', normalized: '58-CV/ĐU' }],
    ['30/2020/ND-CP', { typeCode: 'NĐ', typeNames: ['Nghị định'], normalized: '30/2020/NĐ-CP' }],
    ['439/QD-TTg', { typeCode: 'QĐ', system: 'STATE', normalized: '439/QĐ-TTg' }],
    // A code that is itself known keeps its meaning: DA is Dự án, not Đề án; HD is Hướng dẫn, not Hợp đồng.
    ['07-DA/HU', { typeCode: 'DA', typeNames: ['Dự án'], normalized: '07-DA/HU' }],
    ['12/HD-UBND', { typeCode: 'HD', typeNames: ['Hướng dẫn'], normalized: '12/HD-UBND' }],
  ])('%j', (text, expected) => {
    expect(parseDocumentNumber(text)).toMatchObject(expected);
  });

  it('omits year for Party numbers', () => {
    expect(parseDocumentNumber('05-CT/TW')).not.toHaveProperty('year');
  });

  it.each(['', '   ', 'Số', 'abc', 'Chỉ thị 05', '05-CT', '05/2020', '1/2/3', 'CT-05/TW', '05-CT/', '123456789-CT/TW', '05-CT/TW ngày 15/02/2017', '12/1850/NĐ-CP'])(
    'returns null for %j',
    (text) => {
      expect(parseDocumentNumber(text)).toBeNull();
    },
  );
});

describe('formatDocumentNumber', () => {
  it.each<[Parameters<typeof formatDocumentNumber>[0], string]>([
    [{ sequence: '05', typeCode: 'CT', issuerCode: 'TW' }, '05-CT/TW'],
    [{ sequence: '30', typeCode: 'NĐ', issuerCode: 'CP', year: 2020 }, '30/2020/NĐ-CP'],
    [{ sequence: '439', typeCode: 'QĐ', issuerCode: 'TTg', system: 'STATE' }, '439/QĐ-TTg'],
    [{ sequence: '123', typeCode: '', issuerCode: 'UBND-VP', system: 'STATE' }, '123/UBND-VP'],
    [{ sequence: '15', typeCode: '', issuerCode: 'QH13', year: 2012 }, '15/2012/QH13'],
  ])('%j → %p', (parts, expected) => {
    expect(formatDocumentNumber(parts)).toBe(expected);
  });

  it.each(['05-CT/TW', '30/2020/NĐ-CP', '439/QĐ-TTg', '123/UBND-VP', '15/2012/QH13'])('round-trips %p', (text) => {
    const parsed = parseDocumentNumber(text);
    expect(parsed).not.toBeNull();
    expect(formatDocumentNumber(parsed as NonNullable<typeof parsed>)).toBe(text);
  });
});

describe('documentTypeNames', () => {
  it.each<[string, 'PARTY' | 'STATE' | undefined, string[]]>([
    ['QĐ', undefined, ['Quy định', 'Quyết định']],
    ['qđ', 'PARTY', ['Quy định', 'Quyết định']],
    ['QĐ', 'STATE', ['Quyết định']],
    ['QyĐ', 'STATE', ['Quy định']],
    ['TT', 'PARTY', ['Thông tri']],
    ['TT', 'STATE', ['Thông tư']],
    ['NĐ', 'PARTY', []],
    ['XYZ', undefined, []],
    ['', undefined, []],
  ])('documentTypeNames(%p, %p) = %p', (code, system, expected) => {
    expect(documentTypeNames(code, system)).toEqual(expected);
  });

  it.each([
    ['Party', DOCUMENT_TYPES],
    ['State', STATE_DOCUMENT_TYPES],
  ])('%s type list has unique (code, name) pairs and includes the core types', (_label, types) => {
    const pairs = types.map((t) => `${t.code}|${t.name}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    for (const code of ['NQ', 'QĐ', 'CT', 'HD', 'KH', 'BC', 'TB', 'TTr', 'CTr']) expect(types.some((t) => t.code === code)).toBe(true);
  });

  it('Party list covers the codes of domain.md §2.2', () => {
    for (const code of ['NQ', 'QĐ', 'CT', 'KL', 'HD', 'KH', 'BC', 'CV', 'TB', 'QC', 'TTr', 'CTr', 'BS']) {
      expect(documentTypeNames(code).length).toBeGreaterThan(0);
    }
  });
});
