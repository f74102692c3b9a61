import { newActivityBuffer, requestActivity, useActivityBuffer } from './request-activity';

// Times are ms since the epoch, small for reading: bucket n covers [100 n, 100 n + 100).
beforeEach(() => useActivityBuffer(newActivityBuffer()));

describe('requestActivity.busyShare', () => {
  it('is 0 when no request came', () => {
    expect(requestActivity.busyShare(1000, 5000)).toBe(0);
  });

  it('counts an answered request over the buckets it covered, inside the window only', () => {
    requestActivity.begin(1000);
    requestActivity.end(1300);
    // Window: buckets 11 to 20 (1100–2000): 200 of its 900 ms were busy.
    expect(requestActivity.busyShare(1000, 2000)).toBeCloseTo(200 / 900, 5);
    // A second later the request is out of the window.
    expect(requestActivity.busyShare(1000, 3500)).toBe(0);
  });

  it('counts overlapping requests once, and the spell still open up to now', () => {
    // Window at 2500: buckets 16 to 25 (1600–2500).
    requestActivity.begin(2000);
    requestActivity.begin(2050);
    requestActivity.end(2100);
    expect(requestActivity.busyShare(1000, 2500)).toBeCloseTo(500 / 900, 5);
    requestActivity.end(2400);
    expect(requestActivity.busyShare(1000, 2500)).toBeCloseTo(400 / 900, 5);
  });

  it('is near 1 under requests one after another, and forgets them once they stop', () => {
    for (let t = 10_000; t < 12_000; t += 50) {
      requestActivity.begin(t);
      requestActivity.end(t + 45);
    }
    expect(requestActivity.busyShare(1000, 12_000)).toBeGreaterThan(0.85);
    expect(requestActivity.busyShare(1000, 13_500)).toBe(0);
  });

  it('a bucket reused after the ring went round starts from zero', () => {
    requestActivity.begin(100);
    requestActivity.end(200);
    // 32 buckets later the same slot holds bucket 33: the old 100 ms must not count there.
    requestActivity.begin(3350);
    requestActivity.end(3360);
    expect(requestActivity.busyShare(100, 3399)).toBeCloseTo(10 / 99, 5);
  });
});
