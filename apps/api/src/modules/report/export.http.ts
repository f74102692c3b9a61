/**
 * GET /exports/:resource.xlsx?filter=<json>&sort=<field>&order=ASC|DESC&columns=a,b,c — a list of the panel as
 * .xlsx, with the screen's filter, order and visible columns, and no row cap. The ids come in list order from one
 * query; the rows are then read and written 1,000 at a time through exceljs's streaming writer straight to the
 * response (waiting for the client when it reads slower than we write), so memory does not grow with the list.
 */
import { writeXlsxStream, type CellInput } from '@dangbo/reports';
import { Request, Response, Router } from 'express';
import { once } from 'node:events';
import { DataSource, In } from 'typeorm';
import { AppConfig } from '../../config/env';
import { Context } from '../../context';
import { createLoaders } from '../../graphql/loaders';
import { BadInputError, NotFoundError } from '../../core/errors';
import { EXPORTS, ExportResource } from './export.registry';
import { attachment, queryParam, rest, XLSX_TYPE } from './rest';

export const EXPORT_CHUNK = 1000;

/** The filter JSON checked against the resource's keys: strings, or lists of strings where the filter takes one. */
export function parseExportFilter(resource: ExportResource, text: string | undefined): Record<string, unknown> {
  if (!text) return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new BadInputError('filter', 'Bộ lọc không phải JSON hợp lệ');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new BadInputError('filter', 'Bộ lọc phải là một đối tượng JSON');
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (v === null || v === undefined || v === '') continue;
    if (!resource.filterKeys.includes(key)) throw new BadInputError('filter', `Bộ lọc "${key}" không có ở danh sách này; dùng: ${resource.filterKeys.join(', ')}`);
    const list = resource.arrayKeys?.includes(key);
    if (list ? !Array.isArray(v) || v.some((x) => typeof x !== 'string' && typeof x !== 'number') : typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') {
      throw new BadInputError('filter', `Giá trị của bộ lọc "${key}" không hợp lệ`);
    }
    out[key] = list ? (v as unknown[]).map(String) : typeof v === 'boolean' ? v : String(v);
  }
  return out;
}

export function parseColumns(resource: ExportResource, text: string | undefined): string[] {
  const known = Object.keys(resource.columns);
  if (!text) return known.filter((c) => c !== 'id');
  const wanted = text.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = wanted.filter((c) => !known.includes(c));
  if (unknown.length) throw new BadInputError('columns', `Không có cột ${unknown.join(', ')}; các cột: ${known.join(', ')}`);
  if (!wanted.length) throw new BadInputError('columns', 'Hãy chọn ít nhất một cột');
  return [...new Set(wanted)];
}

/** Rows of the ids, in their order, with the computed fields; fresh loaders per chunk keep memory flat. */
async function chunkRows(ctx: Context, resource: ExportResource, ids: number[], filter: Record<string, unknown>, columns: string[]): Promise<CellInput[][]> {
  ctx.loaders = createLoaders(ctx.em);
  const found = await ctx.em.find(resource.entity, { where: { id: In(ids) } });
  const byId = new Map(found.map((r) => [r.id as number, r]));
  const rows = ids.map((id) => byId.get(id)).filter((r) => r !== undefined);
  const extra = resource.computed ? await resource.computed(ctx, rows, filter) : [];
  return rows.map((row, i) => {
    const record = { ...row, ...(extra[i] ?? {}) };
    return columns.map((c) => resource.columns[c].value(record));
  });
}

export async function streamExport(ctx: Context, req: Request, res: Response): Promise<void> {
  const name = String(req.params.resource ?? '');
  const resource = EXPORTS[name];
  if (!resource) throw new NotFoundError('danh sách xuất Excel', name);
  const filter = parseExportFilter(resource, queryParam(req, 'filter'));
  const columns = parseColumns(resource, queryParam(req, 'columns'));
  const ids = await resource.list.allIds(ctx, { sortField: queryParam(req, 'sort') || undefined, sortOrder: queryParam(req, 'order') || undefined }, filter);

  res.setHeader('Content-Type', XLSX_TYPE);
  res.setHeader('Content-Disposition', attachment(`${resource.fileName} ${ctx.today}.xlsx`));
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Total-Count', String(ids.length));
  async function* chunks() {
    for (let i = 0; i < ids.length; i += EXPORT_CHUNK) {
      yield await chunkRows(ctx, resource, ids.slice(i, i + EXPORT_CHUNK), filter, columns);
      if (res.writableNeedDrain) await once(res, 'drain');
      if (res.destroyed) return; // the client went away: stop reading the database
    }
  }
  await writeXlsxStream(res, { name: resource.sheet, columns: columns.map((c) => resource.columns[c]) }, chunks());
  res.end();
}

export function exportRoutes(config: AppConfig, dataSource: DataSource): Router {
  const router = Router();
  router.get('/exports/:resource.xlsx', rest(config, dataSource, streamExport));
  return router;
}
