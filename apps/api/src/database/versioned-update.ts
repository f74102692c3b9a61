/**
 * Optimistic locking at the statement: `UPDATE … WHERE id = ? AND version = ?` (the version column is bumped by
 * TypeORM). Two editors who started from the same version cannot both win; the second gets CONFLICT.
 */
import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { staleVersionError } from '../core/errors';

export async function updateVersioned<T extends ObjectLiteral & { id: number; version: number }>(
  em: EntityManager,
  target: EntityTarget<T>,
  current: T,
  values: Partial<T>,
  label: string,
): Promise<T> {
  // Only plain columns are written; id, version and timestamps are the database's to set.
  const skip = new Set(['id', 'version', 'createdAt', 'updatedAt']);
  const columns = em.getRepository(target).metadata.columns.map((c) => c.propertyName).filter((p) => !skip.has(p));
  const rest = Object.fromEntries(columns.filter((c) => c in values).map((c) => [c, (values as Record<string, unknown>)[c]]));
  const result = await em
    .createQueryBuilder()
    .update(target)
    .set(rest as never)
    .where('id = :id AND version = :version', { id: current.id, version: current.version })
    .execute();
  if (result.affected !== 1) throw staleVersionError(label);
  const fresh = await em.findOne(target, { where: { id: current.id } as never });
  if (!fresh) throw staleVersionError(label);
  return fresh;
}
