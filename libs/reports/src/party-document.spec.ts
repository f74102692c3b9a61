import { buildPartyDocx, countText, docxText, docxXml, PartyDocument, partyDateLine } from './index';

const doc: PartyDocument = {
  issuer: { superior: 'ĐẢNG BỘ HUYỆN GIỒNG TRÔM', body: 'ĐẢNG ỦY XÃ MỸ THẠNH', number: 'Số 12-BC/ĐU' },
  place: 'Mỹ Thạnh',
  date: '2017-02-28',
  title: 'BÁO CÁO',
  subtitle: ['Sơ kết 01 năm thực hiện Chỉ thị số 05-CT/TW'],
  body: [
    { kind: 'heading', text: '1- Kết quả thực hiện' },
    { kind: 'paragraph', text: '- có 178/189 đảng viên tham dự, đạt 94,18%.' },
  ],
  signature: { onBehalf: 'T/M ĐẢNG ỦY', position: 'BÍ THƯ', name: 'Nguyễn Văn A' },
  recipients: ['Ban Tuyên giáo Huyện ủy,', 'Lưu Văn phòng Đảng ủy.'],
};

describe('the Party document layout (HD 36-HD/VPTW)', () => {
  let text = '';
  let xml = '';
  beforeAll(async () => {
    const buf = await buildPartyDocx(doc);
    text = await docxText(buf);
    xml = await docxXml(buf);
  });

  it('puts the superior, the issuing body, the star and the number in the name block, in that order', () => {
    const lines = text.split('\n');
    const at = (s: string) => lines.indexOf(s);
    expect(at('ĐẢNG BỘ HUYỆN GIỒNG TRÔM')).toBeGreaterThanOrEqual(0);
    expect(at('ĐẢNG ỦY XÃ MỸ THẠNH')).toBe(at('ĐẢNG BỘ HUYỆN GIỒNG TRÔM') + 1);
    expect(lines[at('ĐẢNG ỦY XÃ MỸ THẠNH') + 1]).toBe('*');
    expect(lines[at('ĐẢNG ỦY XÃ MỸ THẠNH') + 2]).toBe('Số 12-BC/ĐU');
  });

  it('heads the right column with ĐẢNG CỘNG SẢN VIỆT NAM, bold and underlined, then the place and date in italics', () => {
    expect(text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM\nMỹ Thạnh, ngày 28 tháng 02 năm 2017');
    const run = /<w:r>(?:(?!<\/w:r>).)*ĐẢNG CỘNG SẢN VIỆT NAM/s.exec(xml)?.[0] ?? '';
    expect(run).toContain('<w:b/>');
    expect(run).toMatch(/<w:u w:val="single"\/>/);
    const date = /<w:r>(?:(?!<\/w:r>).)*Mỹ Thạnh, ngày/s.exec(xml)?.[0] ?? '';
    expect(date).toContain('<w:i/>');
  });

  it('writes the title, the body and then the signature block and the recipients', () => {
    expect(text.indexOf('BÁO CÁO')).toBeLessThan(text.indexOf('1- Kết quả thực hiện'));
    expect(text).toContain('178/189 đảng viên tham dự, đạt 94,18%');
    expect(text).toContain('T/M ĐẢNG ỦY\nBÍ THƯ\nNguyễn Văn A');
    expect(text).toContain('Nơi nhận:\n- Ban Tuyên giáo Huyện ủy,\n- Lưu Văn phòng Đảng ủy.');
  });

  it('sets Times New Roman on A4 with margins 20 (top), 15 (right), 30 (left), 20 (bottom) mm', () => {
    expect(xml).toContain('w:ascii="Times New Roman"');
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
  });
});

describe('dates and counts the Party way', () => {
  it.each([
    ['2017-02-28', 'Mỹ Thạnh, ngày 28 tháng 02 năm 2017'],
    ['2016-06-05', 'Mỹ Thạnh, ngày 05 tháng 6 năm 2016'],
    ['2016-12-16', 'Mỹ Thạnh, ngày 16 tháng 12 năm 2016'],
    ['2016-01-09', 'Mỹ Thạnh, ngày 09 tháng 01 năm 2016'],
  ])('%s is written "%s" (days under 10 and months 1, 2 take a zero)', (iso, line) => {
    expect(partyDateLine('Mỹ Thạnh', iso)).toBe(line);
  });

  it('leaves day and month blank on an unsigned draft', () => {
    expect(partyDateLine('Mỹ Thạnh', null)).toMatch(/^Mỹ Thạnh, ngày\s+tháng\s+năm\s+$/);
  });

  it.each([
    [2, '02'],
    [18, '18'],
    [0, '00'],
    [2705, '2.705'],
  ])('count %d is written %s', (n, s) => expect(countText(n)).toBe(s));
});
