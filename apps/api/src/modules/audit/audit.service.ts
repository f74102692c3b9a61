/**
 * Every mutation runs through `runMutation`: one transaction (database/transaction.ts: a connection lost at COMMIT is
 * answered as "outcome unknown"), and an audit entry (who, when, what, before/after,
 * request id) written inside it. A mutation that forgets to record itself fails instead of going unrecorded.
 */
import { EntityManager } from 'typeorm';
import { Context } from '../../context';
import { BadInputError } from '../../core/errors';
import { inTransaction } from '../../database/transaction';
import { conflictOfUniqueViolation } from '../../database/unique-violations';
import { AuditEntryEntity } from './audit.entity';
import { grantsCache } from '../auth/grants-cache';
import { markCommitted } from '../../graphql/outage-status';

export interface AuditRecord {
  entity: string;
  entityId: string | number | null;
  before: unknown;
  after: unknown;
  unitId?: number | null;
}

export interface MutationTx {
  em: EntityManager;
  audit(record: AuditRecord): Promise<void>;
}

/** Plain JSON of an entity for the log: drops nothing but functions, keeps dates as ISO strings. */
export function snapshot(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? String(v) : v));
}

/** The batch a request is running (runBulk): single mutations inside it join its transaction. */
const batches = new WeakMap<Context, { em: EntityManager; operation: string }>();

export async function runMutation<T>(ctx: Context, operation: string, work: (tx: MutationTx) => Promise<T>): Promise<T> {
  const batch = batches.get(ctx);
  if (batch) return audited(ctx, batch.em, batch.operation, work);
  // Whatever committed (or may have) counts from the next request on: the cached grants are dropped (grants-cache.ts).
  return inTransaction(ctx.dataSource, (em) => audited(ctx, em, operation, work))
    .then(committedFor(ctx), (e) => asConflict(ctx, e))
    .finally(() => grantsCache.invalidate(ctx.dataSource));
}

/** A unique index refused a write that raced past a service's pre-check: CONFLICT, not a database error. */
function asConflict(ctx: Context, error: unknown): never {
  throw conflictOfUniqueViolation(error, ctx.dataSource.entityMetadatas) ?? error;
}

/**
 * A bulk mutation: `one(id)` (the single mutation, with all its rules) for each distinct id, in one transaction, so
 * any refusal rolls back every row. Each row writes its own audit entry under the bulk operation's name.
 */
export async function runBulk(ctx: Context, operation: string, ids: string[], one: (id: string) => Promise<unknown>): Promise<{ ids: string[] }> {
  const distinct = [...new Set(ids.map(String))];
  if (distinct.length === 0) throw new BadInputError('ids', 'Chưa chọn bản ghi nào');
  if (distinct.length > ctx.config.maxPerPage) throw new BadInputError('ids', `Mỗi lần chỉ xử lý tối đa ${ctx.config.maxPerPage} bản ghi`);
  if (batches.has(ctx)) throw new Error(`${operation} inside another bulk mutation`);
  return inTransaction(ctx.dataSource, async (em) => {
    batches.set(ctx, { em, operation });
    try {
      for (const id of distinct) await one(id);
      return { ids: distinct };
    } finally {
      batches.delete(ctx);
    }
  })
    .then(committedFor(ctx), (e) => asConflict(ctx, e))
    .finally(() => grantsCache.invalidate(ctx.dataSource));
}

/** Marks the request as having committed, so a lost database while its answer is read is not called a failure. */
function committedFor(ctx: Context) {
  return <R>(result: R): R => {
    markCommitted(ctx);
    return result;
  };
}

async function audited<T>(ctx: Context, em: EntityManager, operation: string, work: (tx: MutationTx) => Promise<T>): Promise<T> {
  let recorded = 0;
  const tx: MutationTx = {
    em,
    audit: async (record) => {
      recorded += 1;
      await em.insert(AuditEntryEntity, {
        at: new Date(),
        userId: ctx.actor?.userId ?? null,
        tokenId: ctx.actor?.tokenId ?? null,
        actor: ctx.actor?.name ?? 'hệ thống',
        operation,
        entity: record.entity,
        entityId: record.entityId === null ? null : String(record.entityId),
        before: snapshot(record.before),
        after: snapshot(record.after),
        requestId: ctx.requestId,
        unitId: record.unitId ?? null,
      });
    },
  };
  const result = await work(tx);
  if (recorded === 0) throw new Error(`Mutation ${operation} wrote no audit entry`);
  return result;
}
