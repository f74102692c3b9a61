import { checkParentAlive, hasEnded, refuseIfEnded } from './unit-life.rules';

describe("a unit's life", () => {
  const ended = { name: 'Đảng bộ xã Mỹ Thạnh', validTo: '2025-07-01' };
  it('ends on its validTo (exclusive): alive on its last day, ended the day after', () => {
    expect([hasEnded(ended, '2025-06-30'), hasEnded(ended, '2025-07-01'), hasEnded({ validTo: null }, '2099-01-01')]).toEqual([false, true, false]);
  });
  it('an ended unit refuses a change with CONFLICT naming its last day', () => {
    expect(() => refuseIfEnded(ended, '2026-01-01', 'sửa đơn vị này')).toThrow('đã kết thúc hoạt động ngày 30/06/2025; không thể sửa đơn vị này');
    expect(() => refuseIfEnded(ended, '2025-06-30', 'sửa đơn vị này')).not.toThrow();
  });
  it('nothing is placed under a unit ended today or by the placement day', () => {
    expect(() => checkParentAlive(ended, '2020-01-01', '2026-01-01')).toThrow('30/06/2025');
    expect(() => checkParentAlive(ended, '2025-07-01', '2025-06-01')).toThrow('30/06/2025');
    expect(() => checkParentAlive(ended, '2025-06-30', '2025-06-01')).not.toThrow();
  });
});
