/**
 * One chunk of a rating job: the next subjects after the cursor (collectives, then members), their metrics read for
 * the whole chunk at once (chunk-metrics.queries.ts), and the write-back: new evaluations loaded in one LOAD DATA
 * statement (the unique period+subject index makes a repeat a no-op, so a chunk retried after a crash never writes a
 * subject twice), refreshed ones by an UPDATE joined to their values, withdrawn ones by one UPDATE. Reading and
 * writing are two halves (readChunk, writeChunk), so that a runner can read a chunk while the one before writes; the
 * caller runs the writing half in the transaction that also moves the cursor.
 *
 * Statements for a chunk of members being opened: the members (with any evaluation already written), their statuses
 * and posts, their metrics, and one LOAD DATA; the pass's tree, sets and collective figures are read once per scope.
 */
import { Readable } from 'node:stream';
import type { CompiledSet, EngineError } from '@dangbo/rating-engine';
import { escape } from 'mysql2';
import type { ResultSetHeader } from 'mysql2';
import { EntityManager, QueryRunner } from 'typeorm';
import { RatingPeriodEntity } from '../rating-period/rating-period.entity';
import { EvaluationStage, EvaluationStatus } from '../evaluation/evaluation.entity';
import { compiledSet, rateWith } from '../evaluation/evaluation.engine';
import { collectiveMetricsOf, memberMetricsOf } from '../evaluation/chunk-metrics.queries';
import { PassScope } from '../evaluation/pass-tree.queries';
import { Candidate, collectiveChunk, memberChunk, Subject, Written } from '../evaluation/subjects.queries';

export interface ChunkResult {
  /** The cursor after this chunk; null when the pass is complete. */
  next: string | null;
  processed: number;
  created: number;
}

const json = (v: unknown) => JSON.stringify(v ?? null);
const parsed = <T>(v: string | null): T | null => (v === null ? null : (JSON.parse(v) as T));
/** Lets the requests waiting on the event loop go first. */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
/** Rows per slice of SQL text built between two turns (a slice is a few milliseconds of work). */
const SLICE = 500;
/**
 * Rows per write statement where the rows are SQL text (refreshes; new evaluations when the server refuses LOAD DATA
 * LOCAL). A statement is sent in one turn of the event loop (the driver encodes it whole), so it is kept near half a
 * megabyte; a chunk of 10,000 subjects is then four statements, not one per subject.
 */
export const WRITE_ROWS = 2500;
/** `items` in consecutive parts of at most `size`. */
const parts = <T>(items: readonly T[], size: number): T[][] => Array.from({ length: Math.ceil(items.length / size) }, (_x, i) => items.slice(i * size, (i + 1) * size));

/** A value as an SQL literal, escaped by the driver as its placeholders would be (the pool's time zone is UTC). */
const literal = (v: unknown) => escape(v as Parameters<typeof escape>[0], false, 'Z');

/** The literal of a value that repeats across a chunk's rows (a kind, a peer group, metrics with no record), escaped once. */
function repeated(): (v: string) => string {
  const seen = new Map<string, string>();
  return (v) => {
    let found = seen.get(v);
    if (found === undefined) seen.set(v, (found = literal(v)));
    return found;
  };
}
const id = (v: number | null) => (v === null ? 'NULL' : String(Number(v)));

/**
 * The literal rows of one statement, built a slice at a time: a statement is most of a megabyte of text, and
 * building it at once would hold up everything else on the event loop for tens of milliseconds. (Literals, escaped
 * as the driver escapes placeholders, rather than placeholders: the statement is sent as built, so nothing in it is
 * scanned again for `?`.)
 */
async function rowsSql<T>(items: readonly T[], row: (item: T, index: number) => string, separator: string): Promise<string> {
  const parts: string[] = [];
  for (let i = 0; i < items.length; i += 1) {
    if (i > 0 && i % SLICE === 0) await turn();
    parts.push(row(items[i], i));
  }
  return parts.join(separator);
}

/** Candidates after `cursor` ("U:<id>" / "M:<id>"; null: the start), at most `size`. */
async function nextCandidates(em: EntityManager, scope: PassScope, cursor: string | null, size: number): Promise<Candidate[]> {
  const [phase, last] = cursor ? [cursor.slice(0, 1), Number(cursor.slice(2))] : ['U', 0];
  if (phase === 'U') {
    const units = await collectiveChunk(em, scope, last, size);
    if (units.length === size) return units;
    return [...units, ...(await memberChunk(em, scope, 0, size - units.length))];
  }
  return memberChunk(em, scope, last, size);
}

/** Compiled sets of a pass: published sets are frozen, so each is loaded and compiled once per pass. */
const passSets = new WeakMap<PassScope, Map<number, Promise<CompiledSet | EngineError[]>>>();
function setOfPass(em: EntityManager, scope: PassScope, setId: number): Promise<CompiledSet | EngineError[]> {
  let sets = passSets.get(scope);
  if (!sets) passSets.set(scope, (sets = new Map()));
  let found = sets.get(setId);
  if (!found) sets.set(setId, (found = compiledSet(em, setId)));
  return found;
}

/** Metrics by subject (the chunk's own Subject objects: a lookup hashes no key string). */
type SubjectMetrics = Map<Subject, Record<string, number>>;

/** Metrics of the chunk's subjects (members and collectives). */
async function metricsOfChunk(em: EntityManager, period: RatingPeriodEntity, scope: PassScope, subjects: Subject[]): Promise<SubjectMetrics> {
  const dates = { from: period.startDate, to: period.endDate };
  const memberIds = subjects.filter((s) => s.memberId !== null).map((s) => s.memberId as number);
  const unitIds = subjects.filter((s) => s.memberId === null).map((s) => s.subjectUnitId as number);
  const members = await memberMetricsOf(em, memberIds, dates);
  const units = await collectiveMetricsOf(em, scope, unitIds, dates);
  const out: SubjectMetrics = new Map();
  for (const s of subjects) out.set(s, (s.memberId !== null ? members.get(s.memberId) : units.get(s.subjectUnitId as number)) ?? {});
  return out;
}

/** The columns of a new evaluation that differ from row to row, in the order of a loaded line. */
const LOADED = ['subjectKey', 'subjectKind', 'memberId', 'subjectUnitId', 'subjectName', 'unitId', 'decidingUnitId', 'ledUnitId', 'criteriaSetId', 'peerGroup', 'metrics'] as const;
/** Characters LOAD DATA's default format escapes with a backslash (fields end at a tab, lines at a line feed). */
const SPECIAL = /[\\\t\n\r\0]/;
const SPECIALS = /[\\\t\n\r\0]/g;
const ESCAPED: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r', '\0': '\\0' };
/** Text as a field of LOAD DATA's default format: the special characters escaped. */
const field = (v: string): string => (SPECIAL.test(v) ? v.replace(SPECIALS, (c) => ESCAPED[c]) : v);

/**
 * Server errors that refuse LOAD DATA LOCAL itself (local_infile off: MySQL 8's default; a client without the
 * capability), before any row is read: the statement did nothing, and the rows go as INSERTs instead.
 */
const LOAD_REFUSED = new Set([1148, 3948, 4166]);
/** Data sources whose server has refused it once: their passes insert straight away from then on. */
const loadRefused = new WeakSet<object>();

/** The subject's metrics as text; subjects with no record share one metrics object (chunk-metrics.queries.ts), whose text is made once. */
function metricsTexts(): (m?: Record<string, number>) => string {
  const texts = new Map<object, string>();
  return (m = {}) => {
    let found = texts.get(m);
    if (found === undefined) texts.set(m, (found = json(m)));
    return found;
  };
}

/**
 * New evaluations, PENDING with their metrics, in one LOAD DATA statement (IGNORE, as LOCAL implies anyway: a subject
 * already written is left as it is): the server reads plain fields rather than a megabyte of SQL to parse (about half
 * the time of the same rows as multi-row INSERTs here, for the server and for this thread alike). The lines were made
 * when the chunk was read (freshLines). What is the same for every row is set once in the statement. Where the
 * server refuses LOAD DATA LOCAL, multi-row INSERTs.
 */
async function insertFresh(em: EntityManager, periodId: number, read: ChunkRead, now: Date): Promise<void> {
  if (!read.fresh.length) return;
  if (!loadRefused.has(em.connection)) {
    try {
      return await loadFresh(em, periodId, read.freshLines ?? (await freshLines(read.fresh, read.metrics)), now);
    } catch (error) {
      if (!LOAD_REFUSED.has((error as { errno?: number }).errno ?? 0)) throw error;
      loadRefused.add(em.connection);
    }
  }
  await insertFreshRows(em, periodId, read.fresh, read.metrics, literal(now));
}

/**
 * The LOAD DATA lines of new evaluations (the LOADED columns), a slice of rows per buffer, made between turns of the
 * event loop. Made as the chunk is read, so that when the chunk is read ahead they are made while the chunk before
 * writes, and the load itself only sends them: made while the server waited for them, they held each load up by a
 * third. Keys, kinds, peer groups and numbers hold no character to escape; names and metrics texts are escaped.
 */
async function freshLines(fresh: readonly Subject[], metrics: SubjectMetrics): Promise<Buffer[]> {
  const metricsText = metricsTexts();
  const metricsField = new Map<string, string>();
  const number = (v: number | null) => (v === null ? '\\N' : String(v));
  const out: Buffer[] = [];
  for (let i = 0; i < fresh.length; i += SLICE) {
    if (i > 0) await turn();
    let text = '';
    for (let k = i; k < Math.min(i + SLICE, fresh.length); k += 1) {
      const s = fresh[k];
      const m = metricsText(metrics.get(s));
      let mField = metricsField.get(m);
      if (mField === undefined) metricsField.set(m, (mField = field(m)));
      text += `${s.key}\t${s.subjectKind}\t${number(s.memberId)}\t${number(s.subjectUnitId)}\t${field(s.name.slice(0, 255))}\t${s.unitId}\t`;
      text += `${s.decidingUnitId}\t${number(s.ledUnitId)}\t${number(s.criteriaSetId)}\t${s.peerGroup}\t${mField}\n`;
    }
    out.push(Buffer.from(text, 'utf8'));
  }
  return out;
}

async function loadFresh(em: EntityManager, periodId: number, lines: readonly Buffer[], now: Date): Promise<void> {
  await loadData(
    em,
    `LOAD DATA LOCAL INFILE 'evaluations' IGNORE INTO TABLE evaluation CHARACTER SET utf8mb4 (${LOADED.map((c) => `\`${c}\``).join(', ')})
        SET periodId = ?, stage = ?, status = ?, metricsAt = ?, version = 1, createdAt = ?, updatedAt = ?`,
    [periodId, EvaluationStage.PENDING, EvaluationStatus.ACTIVE, now, now, now],
    lines,
  );
}

/**
 * A LOAD DATA LOCAL statement on the manager's connection (the chunk's transaction), its file the given lines. TypeORM
 * passes no stream to the driver, so this talks to mysql2 itself, and counts the statement as its logger would.
 *
 * IGNORE skips a row whose key is already there (a warning each), and would let anything else through as a warning
 * too (a value cut short, a number that is not one): a warning that is not a skipped duplicate fails the statement,
 * and with it the chunk's transaction, as an INSERT would have.
 */
async function loadData(em: EntityManager, sql: string, params: unknown[], lines: readonly Buffer[]): Promise<void> {
  const own = em.queryRunner ? null : em.connection.createQueryRunner('master');
  const runner = (em.queryRunner ?? own) as QueryRunner;
  try {
    const connection = (await runner.connect()) as RawConnection;
    const query = <T>(options: { sql: string; values?: unknown[]; infileStreamFactory?: () => Readable }) =>
      new Promise<T>((resolve, reject) => connection.query(options, (error, result) => (error ? reject(error) : resolve(result as T))));
    em.connection.logger.logQuery(sql, params, runner);
    const result = await query<ResultSetHeader>({ sql, values: params, infileStreamFactory: () => Readable.from(lines) });
    const skipped = Number(/Skipped: (\d+)/.exec(result.info)?.[1] ?? 0);
    if (result.warningStatus > skipped) {
      const warnings = await query<{ Code: number; Message: string }[]>({ sql: 'SHOW WARNINGS' });
      const other = warnings.find((w) => Number(w.Code) !== 1062);
      throw new Error(`ghi đánh giá mới: ${other?.Message ?? `${result.warningStatus} cảnh báo`}`);
    }
  } finally {
    await own?.release();
  }
}

/** What loadData needs of a mysql2 connection (callback API). */
interface RawConnection {
  query(options: { sql: string; values?: unknown[]; infileStreamFactory?: () => Readable }, callback: (error: Error | null, result: unknown) => void): void;
}

/** New evaluations in multi-row INSERTs (where LOAD DATA LOCAL is refused); a subject already written is left as it is. */
async function insertFreshRows(em: EntityManager, periodId: number, fresh: Subject[], metrics: SubjectMetrics, now: string): Promise<void> {
  const cols = ['periodId', 'subjectKey', 'subjectKind', 'memberId', 'subjectUnitId', 'subjectName', 'unitId', 'decidingUnitId', 'ledUnitId', 'criteriaSetId', 'peerGroup', 'stage', 'status', 'metrics', 'metricsAt', 'version', 'createdAt', 'updatedAt'];
  const same = repeated();
  const text = metricsTexts();
  const metricsText = (m?: Record<string, number>) => same(text(m));
  const fixed = `${literal(EvaluationStage.PENDING)}, ${literal(EvaluationStatus.ACTIVE)}`;
  const row = (s: Subject) =>
    `(${id(periodId)}, ${literal(s.key)}, ${same(s.subjectKind)}, ${id(s.memberId)}, ${id(s.subjectUnitId)}, ${literal(s.name.slice(0, 255))}, ${id(s.unitId)}, ` +
    `${id(s.decidingUnitId)}, ${id(s.ledUnitId)}, ${id(s.criteriaSetId)}, ${same(s.peerGroup)}, ${fixed}, ${metricsText(metrics.get(s))}, ${now}, 1, ${now}, ${now})`;
  // Each statement's text is built while the database works on the one before (same connection, one at a time).
  let writing: Promise<unknown> = Promise.resolve();
  for (const part of parts(fresh, WRITE_ROWS)) {
    const values = await rowsSql(part, row, ',\n');
    await writing;
    writing = em.query(`INSERT INTO evaluation (${cols.map((c) => `\`${c}\``).join(', ')}) VALUES ${values} ON DUPLICATE KEY UPDATE id = id`);
    // Its failure is awaited (and thrown) below; until then it must not count as unhandled.
    writing.catch(() => undefined);
  }
  await writing;
}

/**
 * Fresh metrics for undecided evaluations, and the engine's level for those past their first step, in UPDATEs
 * joined to the chunk's values (a CASE per column would compare every row with every id). The version guard leaves
 * alone an evaluation that a step saved since it was read: that step refreshed it itself.
 */
async function updateRefreshed(em: EntityManager, scope: PassScope, refresh: { subject: Subject; ev: Written }[], metrics: SubjectMetrics, now: string): Promise<void> {
  const rows: unknown[][] = [];
  for (const [i, { subject, ev }] of refresh.entries()) {
    if (i > 0 && i % SLICE === 0) await turn();
    const m = metrics.get(subject) ?? {};
    // Before any step there is nothing entered to rate; after one, the engine's level follows the fresh metrics.
    const rated =
      ev.stage !== EvaluationStage.PENDING && ev.criteriaSetId
        ? rateWith(await setOfPass(em, scope, ev.criteriaSetId), { scores: parsed(ev.scores) ?? {}, checks: parsed(ev.checks) ?? {}, facts: parsed(ev.facts) ?? {}, metrics: m })
        : null;
    rows.push([ev.id, ev.version, json(m), rated ? 1 : 0, rated?.engineLevel ?? null, rated?.total ?? null, rated ? json(rated.errors) : null, rated ? json(rated.trace) : null]);
  }
  const names = ['id', 'version', 'metrics', 'rated', 'engineLevel', 'total', 'errors', 'trace'];
  const row = (r: unknown[], i: number) => `SELECT ${r.map((v, k) => (i === 0 ? `${literal(v)} AS ${names[k]}` : literal(v))).join(', ')}`;
  for (const part of parts(rows, WRITE_ROWS)) {
    const derived = await rowsSql(part, row, '\n UNION ALL ');
    await em.query(
      `UPDATE evaluation e JOIN (${derived}) v ON v.id = e.id AND v.version = e.version
          SET e.metrics = v.metrics, e.metricsAt = ${now}, e.status = ${literal(EvaluationStatus.ACTIVE)},
              e.engineLevel = CASE WHEN v.rated = 1 THEN v.engineLevel ELSE e.engineLevel END,
              e.total = CASE WHEN v.rated = 1 THEN v.total ELSE e.total END,
              e.errors = CASE WHEN v.rated = 1 THEN v.errors ELSE e.errors END,
              e.trace = CASE WHEN v.rated = 1 THEN v.trace ELSE e.trace END
        WHERE e.stage <> ${literal(EvaluationStage.DECIDED)}`,
    );
    await turn();
  }
}

/** What a chunk read: its candidates sorted into what to create, refresh and withdraw, with their metrics. */
export interface ChunkRead {
  /** The cursor after this chunk; null when there was nothing after `cursor`. */
  next: string | null;
  processed: number;
  fresh: Subject[];
  refresh: { subject: Subject; ev: Written }[];
  withdraw: number[];
  metrics: SubjectMetrics;
  /** The LOAD DATA lines of `fresh` (freshLines). */
  freshLines?: Buffer[];
}

/**
 * The reading half of a chunk: the candidates after `cursor` and their metrics. It writes nothing, so it may run
 * ahead of the chunk before it, on another connection (rating-job.runner.ts): what it read is written under guards
 * that hold whenever it was read (IGNORE for a subject written meanwhile, the version for an evaluation saved since,
 * the stage for one decided since).
 */
export async function readChunk(em: EntityManager, period: RatingPeriodEntity, scope: PassScope, cursor: string | null, size: number): Promise<ChunkRead> {
  const candidates = await nextCandidates(em, scope, cursor, size);
  const fresh: Subject[] = [];
  const refresh: { subject: Subject; ev: Written }[] = [];
  const withdraw: number[] = [];
  for (const c of candidates) {
    const ev = c.written;
    if (!c.subject) {
      if (ev && ev.status === EvaluationStatus.ACTIVE && ev.stage !== EvaluationStage.DECIDED) withdraw.push(ev.id);
      continue;
    }
    if (!ev) fresh.push(c.subject);
    // A decision freezes the metrics it was taken on.
    else if (ev.stage !== EvaluationStage.DECIDED) refresh.push({ subject: c.subject, ev });
  }
  const metrics = candidates.length ? await metricsOfChunk(em, period, scope, [...fresh, ...refresh.map((r) => r.subject)]) : new Map();
  // Where the server refuses LOAD DATA, the rows go as INSERTs made at the write.
  const lines = fresh.length && !loadRefused.has(em.connection) ? await freshLines(fresh, metrics) : undefined;
  return { next: candidates.length ? candidates[candidates.length - 1].key : null, processed: candidates.length, fresh, refresh, withdraw, metrics, freshLines: lines };
}

/** The writing half of a chunk, in the caller's transaction (the one that moves the cursor). */
export async function writeChunk(em: EntityManager, period: RatingPeriodEntity, scope: PassScope, read: ChunkRead): Promise<ChunkResult> {
  if (!read.processed) return { next: null, processed: 0, created: 0 };
  const now = new Date();
  await insertFresh(em, period.id, read, now);
  await updateRefreshed(em, scope, read.refresh, read.metrics, literal(now));
  if (read.withdraw.length) await em.query(`UPDATE evaluation SET status = ? WHERE id IN (${read.withdraw.map(id).join(',')}) AND stage <> ?`, [EvaluationStatus.WITHDRAWN, EvaluationStage.DECIDED]);
  return { next: read.next, processed: read.processed, created: read.fresh.length };
}

export async function processChunk(em: EntityManager, period: RatingPeriodEntity, scope: PassScope, cursor: string | null, size: number): Promise<ChunkResult> {
  return writeChunk(em, period, scope, await readChunk(em, period, scope, cursor, size));
}
