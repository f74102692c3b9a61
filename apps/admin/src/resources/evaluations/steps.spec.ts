import { Capability, Level } from '@dangbo/shared-types';
import { availableSteps, changedValues, lockedFor, needsReason } from './steps';

const member = { stage: 'PENDING' as const, status: 'ACTIVE' as const, memberId: '7', criteriaSetId: '3' };
const cell = { ...member, memberId: null };

describe('which steps the session is offered', () => {
  it('a cell secretary submits and appraises a member but never decides', () => {
    expect(availableSteps(member, [Capability.READ, Capability.RECORD_CELL_WORK], false)).toEqual([
      { step: 'submit', blocked: null },
      { step: 'appraise', blocked: 'app.rating.blocked.stage' },
    ]);
  });

  it('a decider decides, and for a collective may also submit and appraise it', () => {
    expect(availableSteps({ ...member, stage: 'APPRAISED' }, [Capability.DECIDE], false)).toEqual([{ step: 'decide', blocked: null }]);
    expect(availableSteps(cell, [Capability.DECIDE], false).map((s) => s.step)).toEqual(['submit', 'appraise', 'decide']);
  });

  it('an appraiser appraises members but does not submit for them', () => {
    expect(availableSteps({ ...member, stage: 'SUBMITTED' }, [Capability.APPRAISE], false)).toEqual([{ step: 'appraise', blocked: null }]);
  });

  it('a decision may be corrected while the period is open, and nothing is open once it is locked', () => {
    expect(availableSteps({ ...member, stage: 'DECIDED' }, [Capability.DECIDE], false)).toEqual([{ step: 'decide', blocked: null }]);
    expect(availableSteps({ ...member, stage: 'DECIDED' }, [Capability.DECIDE], true)).toEqual([{ step: 'decide', blocked: 'app.rating.blocked.locked' }]);
  });

  it('a withdrawn evaluation or one without a published set takes no step', () => {
    expect(availableSteps({ ...member, status: 'WITHDRAWN' }, [Capability.RECORD_CELL_WORK], false)[0].blocked).toBe('app.rating.blocked.withdrawn');
    expect(availableSteps({ ...member, criteriaSetId: null }, [Capability.RECORD_CELL_WORK], false)[0].blocked).toBe('app.rating.blocked.no_set');
  });
});

describe('a decision differing from the engine asks for a reason', () => {
  it.each([
    ['decide', Level.EXCELLENT, Level.GOOD, true],
    ['decide', Level.GOOD, Level.GOOD, false],
    ['appraise', Level.EXCELLENT, Level.GOOD, false],
    ['decide', Level.GOOD, null, false],
  ] as const)('%s at %s with the engine at %s: %s', (step, level, engine, expected) => {
    expect(needsReason(step, level, engine)).toBe(expected);
  });
});

describe('the lock where an evaluation lies', () => {
  const ev = { unitId: '101', decidingUnitId: '10', unit: { parentId: '10' } };
  it('a lock of the whole period, or of the deciding unit, locks it; a reopened lock does not', () => {
    expect(lockedFor({ lockedAt: '2026-01-01', locks: [] }, ev)).toBe(true);
    expect(lockedFor({ lockedAt: null, locks: [{ unitId: '10', reopenedAt: null }] }, ev)).toBe(true);
    expect(lockedFor({ lockedAt: null, locks: [{ unitId: '10', reopenedAt: '2026-01-02' }] }, ev)).toBe(false);
    expect(lockedFor({ lockedAt: null, locks: [{ unitId: '20', reopenedAt: null }] }, ev)).toBe(false);
  });
});

describe('a step sends only what changed', () => {
  it('keeps the changed keys, and nothing when nothing changed', () => {
    expect(changedValues({ a: 1, b: 2 }, { a: 1, b: 3, c: 4 })).toEqual({ b: 3, c: 4 });
    expect(changedValues({ a: 1 }, { a: 1 })).toBeUndefined();
    expect(changedValues(null, { a: true })).toEqual({ a: true });
  });
});
