import { OrgUnitKind } from '@dangbo/shared-types';
import { committeeName, placeOf, signatureOf } from './issuer';
import { attachment } from './rest';

describe('the issuer of a report', () => {
  it.each([
    ['Đảng bộ xã Mỹ Thạnh', 'Đảng ủy xã Mỹ Thạnh'],
    ['Đảng bộ huyện Giồng Trôm', 'Đảng ủy huyện Giồng Trôm'],
    ['Chi bộ ấp Bến Đò', 'Chi bộ ấp Bến Đò'],
  ])('%s signs as %s', (unit, body) => expect(committeeName(unit)).toBe(body));

  it.each([
    ['Đảng bộ xã Mỹ Thạnh', 'Mỹ Thạnh'],
    ['Chi bộ ấp Bến Đò', 'Bến Đò'],
    ['Đảng bộ huyện Giồng Trôm', 'Giồng Trôm'],
  ])('%s dates its documents at %s', (unit, place) => expect(placeOf(unit)).toBe(place));

  it('a commune signs T/M ĐẢNG ỦY with code ĐU; a cell T/M CHI BỘ', () => {
    expect(signatureOf(OrgUnitKind.COMMUNE_COMMITTEE)).toEqual({ onBehalf: 'T/M ĐẢNG ỦY', code: 'ĐU' });
    expect(signatureOf(OrgUnitKind.CELL)).toEqual({ onBehalf: 'T/M CHI BỘ', code: 'CB' });
  });
});

describe('download names', () => {
  it('gives an ASCII fallback and the Vietnamese name', () => {
    expect(attachment('Báo cáo 05-CT-TW - Đảng bộ xã Mỹ Thạnh.docx')).toBe(
      `attachment; filename="Bao_cao_05-CT-TW_-_Dang_bo_xa_My_Thanh.docx"; filename*=UTF-8''${encodeURIComponent('Báo cáo 05-CT-TW - Đảng bộ xã Mỹ Thạnh.docx')}`,
    );
  });
});
