/**
 * GET /imports/members/template.xlsx: the template. POST /imports/members?dryRun=1|0 with the .xlsx as the raw body
 * or as the file of a multipart form: at most 10 MB and 20,000 rows. The answer lists every problem (row, column,
 * Vietnamese message); with dryRun=0 and no problem the rows are written in one transaction, else nothing is.
 */
import { buildXlsx, readFirstSheet, XlsxRejected } from '@dangbo/reports';
import express, { ErrorRequestHandler, Request, Router } from 'express';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/env';
import { Context } from '../../context';
import { jobProgress } from '../../core/job-progress';
import { BadInputError } from '../../core/errors';
import { requestIdOf } from '../../http/request-id';
import { attachment, HttpRefusal, queryParam, requireSession, rest, sendError, XLSX_TYPE } from '../report/rest';
import { IMPORT_COLUMNS, matchHeader, parseRows } from './member-import.rules';
import { commitImport, newJobId, planImport } from './member-import.service';

export const IMPORT_LIMITS = { maxBytes: 10 * 1024 * 1024, maxRows: 20_000 };

export async function templateFile(): Promise<Buffer> {
  return buildXlsx([
    { name: 'Đảng viên', columns: IMPORT_COLUMNS.map((c) => ({ header: c.header, width: Math.max(14, c.header.length + 4) })), rows: [] },
    {
      name: 'Hướng dẫn',
      columns: [{ header: 'Cột', width: 20 }, { header: 'Bắt buộc', width: 10 }, { header: 'Cách ghi (ví dụ)', width: 60 }],
      rows: [
        ...IMPORT_COLUMNS.map((c) => [c.header, c.required ? 'Có' : '', c.hint]),
        [],
        ['Ngày', '', 'Ghi dạng dd/mm/yyyy (15/02/2017) hoặc để Excel định dạng ngày'],
        ['Khớp', '', 'Dòng có số thẻ đảng viên hoặc số CCCD đã có sẽ cập nhật đảng viên đó; không bao giờ khớp theo họ tên'],
        ['Giới hạn', '', 'Tối đa 20.000 dòng, 10 MB; không dùng công thức, không gộp ô tiêu đề'],
      ],
    },
  ]);
}

/** The uploaded bytes: the raw body, or the first file of a multipart/form-data body. */
export function uploadedFile(req: Request): { bytes: Buffer; name: string } {
  const body = req.body;
  if (!Buffer.isBuffer(body) || body.length === 0) throw new BadInputError('file', 'Chưa có tệp tải lên');
  const type = req.headers['content-type'] ?? '';
  const boundary = /multipart\/form-data;.*boundary="?([^";]+)"?/i.exec(type)?.[1];
  const headerName = typeof req.headers['x-file-name'] === 'string' ? decodeURIComponent(req.headers['x-file-name']) : 'tệp tải lên';
  if (!boundary) return { bytes: body, name: headerName };
  const delimiter = Buffer.from(`--${boundary}`);
  for (let at = body.indexOf(delimiter); at >= 0; ) {
    const next = body.indexOf(delimiter, at + delimiter.length);
    if (next < 0) break;
    const part = body.subarray(at + delimiter.length + 2, next - 2); // after CRLF, before CRLF
    const split = part.indexOf('\r\n\r\n');
    const head = part.subarray(0, split).toString('utf8');
    const filename = /filename\*?=(?:UTF-8'')?"?([^";\r\n]*)"?/i.exec(head)?.[1];
    if (split >= 0 && filename !== undefined) return { bytes: part.subarray(split + 4), name: decodeURIComponent(filename) };
    at = next;
  }
  throw new BadInputError('file', 'Biểu mẫu tải lên không có tệp');
}

export interface ImportAnswer {
  dryRun: boolean;
  committed: boolean;
  fileName: string;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  problems: { row: number; column: string | null; field: string | null; message: string }[];
}

export async function importMembers(ctx: Context, bytes: Buffer, fileName: string, dryRun: boolean): Promise<ImportAnswer> {
  const jobId = newJobId();
  try {
    const sheet = await readFirstSheet(bytes, IMPORT_LIMITS, () => new Promise<void>((resolve) => setImmediate(resolve)));
    const [header, ...data] = sheet.rows;
    if (!header) throw new BadInputError('file', 'Bảng tính trống: hãy dùng tệp mẫu');
    jobProgress.start(jobId, 'member-import', data.length * (dryRun ? 1 : 2));
    const matched = matchHeader(header);
    const cells = parseRows(matched.problems.length ? [] : data, matched.columns);
    const plan = await planImport(ctx, cells.parsed, matched.columns, [...matched.problems, ...cells.problems], jobId);
    const clean = plan.problems.length === 0;
    if (clean && !dryRun) await commitImport(ctx, plan, jobId, fileName);
    return {
      dryRun,
      committed: clean && !dryRun,
      fileName,
      rows: data.length,
      created: plan.creates.length,
      updated: plan.updates.length,
      unchanged: plan.unchanged,
      problems: plan.problems,
    };
  } catch (e) {
    if (e instanceof XlsxRejected) {
      if (e.reason === 'TOO_LARGE') throw new HttpRefusal('PAYLOAD_TOO_LARGE', e.message, { reason: e.reason });
      throw new BadInputError('file', e.message, { reason: e.reason, ...(e.cell ? { cell: e.cell } : {}) });
    }
    throw e;
  } finally {
    jobProgress.finish(jobId);
  }
}

/** Body too large for the parser: the same JSON error shape as every other refusal here. */
const bodyErrors: ErrorRequestHandler = (error, req, res, next) => {
  if ((error as { type?: string })?.type === 'entity.too.large') {
    return sendError(res, new HttpRefusal('PAYLOAD_TOO_LARGE', 'Tệp lớn quá 10 MB', { reason: 'TOO_LARGE' }), requestIdOf(req));
  }
  next(error);
};

export function memberImportRoutes(config: AppConfig, dataSource: DataSource): Router {
  const router = Router();
  router.get(
    '/imports/members/template.xlsx',
    rest(config, dataSource, async (_ctx, _req, res) => {
      res.setHeader('Content-Type', XLSX_TYPE);
      res.setHeader('Content-Disposition', attachment('Mau nhap dang vien.xlsx'));
      res.end(await templateFile());
    }),
  );
  router.post(
    '/imports/members',
    requireSession(config, dataSource),
    // A multipart form carries a little more than the file itself.
    express.raw({ type: () => true, limit: IMPORT_LIMITS.maxBytes + 64 * 1024 }),
    bodyErrors,
    rest(config, dataSource, async (ctx, req, res) => {
      const dryRun = (queryParam(req, 'dryRun') ?? '1') !== '0';
      const file = uploadedFile(req);
      const answer = await importMembers(ctx, file.bytes, file.name, dryRun);
      res.status(!dryRun && answer.problems.length ? 422 : 200).json(answer);
    }),
  );
  return router;
}
