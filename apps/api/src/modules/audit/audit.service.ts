/**
 * Every mutation runs through `runMutation`: one transaction, and an audit entry (who, when, what, before/after,
 * request id) written inside it. A mutation that forgets to record itself fails instead of going unrecorded.
 */
import { EntityManager } from 'typeorm';
import { Context } from '../../context';
import { AuditEntryEntity } from './audit.entity';

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

export async function runMutation<T>(ctx: Context, operation: string, work: (tx: MutationTx) => Promise<T>): Promise<T> {
  return ctx.dataSource.transaction(async (em) => {
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
  });
}
