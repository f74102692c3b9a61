/**
 * A unit's name as of a date, for reports and documents written on that date: a 2017 report of the district is
 * issued under "Đảng bộ tỉnh Bến Tre", not under the name the province took on 2025-07-01. `org_unit.name` is the
 * current name (in force from `nameFrom`); the names before a renaming are rows of org_unit_name, each valid until
 * its `validTo` (exclusive). One statement for any number of units.
 */
import { EntityManager } from 'typeorm';

export interface UnitNames {
  name: string;
  shortName: string | null;
}

export interface NameHistory {
  current: UnitNames & { nameFrom: string | null };
  /** Earlier names, each valid until `validTo` (exclusive). */
  earlier: (UnitNames & { validTo: string })[];
}

/** The names in force on `asOf`: the current ones from `nameFrom` on, else the earliest earlier name still valid then. */
export function namesInForce(history: NameHistory, asOf: string): UnitNames {
  const { current, earlier } = history;
  if (!current.nameFrom || asOf >= current.nameFrom) return { name: current.name, shortName: current.shortName };
  const then = earlier.filter((n) => n.validTo > asOf).sort((a, b) => (a.validTo < b.validTo ? -1 : 1))[0];
  return then ? { name: then.name, shortName: then.shortName } : { name: current.name, shortName: current.shortName };
}

const marks = (n: number) => Array.from({ length: n }, () => '?').join(',');

/** The names each unit had on `asOf` (units that do not exist are left out). */
export async function unitNamesAt(em: EntityManager, unitIds: readonly number[], asOf: string): Promise<Map<number, UnitNames>> {
  const ids = [...new Set(unitIds)];
  if (ids.length === 0) return new Map();
  const rows: { id: number; name: string; shortName: string | null; nameFrom: string | null; oldName: string | null; oldShort: string | null; oldTo: string | null }[] =
    await em.query(
      `SELECT u.id, u.name, u.\`shortName\`, u.\`nameFrom\`, n.name AS oldName, n.\`shortName\` AS oldShort, n.\`validTo\` AS oldTo
         FROM org_unit u LEFT JOIN org_unit_name n ON n.\`unitId\` = u.id AND n.\`validTo\` > ?
        WHERE u.id IN (${marks(ids.length)})`,
      [asOf, ...ids],
    );
  const histories = new Map<number, NameHistory>();
  for (const r of rows) {
    const id = Number(r.id);
    let h = histories.get(id);
    if (!h) {
      h = { current: { name: r.name, shortName: r.shortName, nameFrom: isoDate(r.nameFrom) }, earlier: [] };
      histories.set(id, h);
    }
    if (r.oldName !== null && r.oldTo !== null) h.earlier.push({ name: r.oldName, shortName: r.oldShort, validTo: isoDate(r.oldTo) as string });
  }
  return new Map([...histories].map(([id, h]) => [id, namesInForce(h, asOf)]));
}

/** Date columns read through a raw query come back as strings (dateStrings) or Dates, depending on the driver. */
function isoDate(v: string | Date | null): string | null {
  if (v === null) return null;
  return typeof v === 'string' ? v.slice(0, 10) : v.toISOString().slice(0, 10);
}

/** The name of one unit on `asOf`, given the row already loaded (no statement when it was never renamed since). */
export async function unitNameAt(em: EntityManager, unit: { id: number; name: string; nameFrom: string | null }, asOf: string): Promise<string> {
  if (!unit.nameFrom || asOf >= unit.nameFrom) return unit.name;
  return (await unitNamesAt(em, [unit.id], asOf)).get(unit.id)?.name ?? unit.name;
}
