/**
 * How busy this process's API thread has been answering requests, shared with its worker threads: background work
 * (the rating jobs) uses both cores when nobody is waiting on the API, and one when somebody is.
 *
 * The API thread counts the requests in flight and, when the last one is answered, adds the busy spell to a ring of
 * 100 ms buckets (a SharedArrayBuffer, so a worker reads it without a message); a worker asks what share of the last
 * second or so was busy.
 */
const BUCKET_MS = 100;
/** Buckets kept: the longest window that can be asked about is this many times BUCKET_MS. */
const BUCKETS = 32;
const IN_FLIGHT = 0;
const BUSY_SINCE = 1;
/** Then BUCKETS pairs: the bucket's number (ms since the epoch ÷ BUCKET_MS) and its busy ms. */
const RING = 2;
const SIZE = RING + 2 * BUCKETS;

export type ActivityBuffer = SharedArrayBuffer;

export const newActivityBuffer = (): ActivityBuffer => new SharedArrayBuffer(SIZE * BigInt64Array.BYTES_PER_ELEMENT);

let cells = new BigInt64Array(newActivityBuffer());

/** Makes this thread read the given counters (a worker reads its API thread's). */
export function useActivityBuffer(buffer: ActivityBuffer): void {
  cells = new BigInt64Array(buffer);
}

/** The counters of this thread, to hand to a worker. */
export const activityBuffer = (): ActivityBuffer => cells.buffer as ActivityBuffer;

const slot = (bucket: number) => RING + 2 * (bucket % BUCKETS);

/** Adds the busy time from `from` to `to` (ms) to the buckets it covers (the API thread is the only writer). */
function addSpell(from: number, to: number): void {
  const first = Math.max(Math.floor(from / BUCKET_MS), Math.floor(to / BUCKET_MS) - BUCKETS + 1);
  for (let bucket = first; bucket <= Math.floor(to / BUCKET_MS); bucket += 1) {
    const ms = Math.min(to, (bucket + 1) * BUCKET_MS) - Math.max(from, bucket * BUCKET_MS);
    const at = slot(bucket);
    if (Atomics.load(cells, at) !== BigInt(bucket)) {
      Atomics.store(cells, at + 1, 0n);
      Atomics.store(cells, at, BigInt(bucket));
    }
    if (ms > 0) Atomics.add(cells, at + 1, BigInt(Math.round(ms)));
  }
}

export const requestActivity = {
  /** A request arrived (API thread). */
  begin(now = Date.now()): void {
    if (Atomics.add(cells, IN_FLIGHT, 1n) === 0n) Atomics.store(cells, BUSY_SINCE, BigInt(now));
  },
  /** A request was answered (or its client went away). */
  end(now = Date.now()): void {
    if (Atomics.sub(cells, IN_FLIGHT, 1n) === 1n) addSpell(Number(Atomics.load(cells, BUSY_SINCE)), now);
  },
  /**
   * The share (0 to 1) of the last `windowMs` (whole buckets, at most BUCKETS of them) during which at least one
   * request was in flight, counting the spell still open.
   */
  busyShare(windowMs = 1000, now = Date.now()): number {
    const buckets = Math.min(BUCKETS - 1, Math.max(1, Math.round(windowMs / BUCKET_MS)));
    const last = Math.floor(now / BUCKET_MS);
    const start = (last - buckets + 1) * BUCKET_MS;
    let busy = 0;
    for (let bucket = last - buckets + 1; bucket <= last; bucket += 1) {
      const at = slot(bucket);
      if (Atomics.load(cells, at) === BigInt(bucket)) busy += Number(Atomics.load(cells, at + 1));
    }
    if (Atomics.load(cells, IN_FLIGHT) > 0n) busy += now - Math.max(start, Number(Atomics.load(cells, BUSY_SINCE)));
    return Math.min(1, busy / Math.max(1, now - start));
  },
};
