/**
 * GET /reports/directive?documentId=&unitId=&from=&to= (or ?draftId=): the directive implementation report as
 * .docx. Section 1 from directiveReport; the introduction and sections 2 and 3 from the draft (the given one, else
 * the latest draft of the same unit, directive and period, else the texts pre-filled from the figures). An issued
 * report carries its register number and date; a draft leaves them blank for the office to fill.
 */
import { buildPartyDocx } from '@dangbo/reports';
import { Router } from 'express';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/env';
import { Context } from '../../context';
import { BadInputError } from '../../core/errors';
import { parseId } from '../../core/input';
import { directiveReport, parsePeriod } from '../directive/directive-report.service';
import { DocumentEntity } from '../document/document.entity';
import { defaultTexts, directiveReportDocument, DraftTexts } from './directive-report.text';
import { reportIssuer } from './issuer';
import { ratingReportData, ratingReportDocx, ratingReportFileName, ratingReportXlsx } from './rating-report';
import { getDraft, latestDraftFor } from './report-draft.service';
import { attachment, DOCX_TYPE, queryParam, rest, XLSX_TYPE } from './rest';

export interface DirectiveReportFile {
  fileName: string;
  bytes: Buffer;
}

export async function directiveReportFile(ctx: Context, q: { documentId?: string; unitId?: string; from?: string; to?: string; draftId?: string }): Promise<DirectiveReportFile> {
  let draft = q.draftId ? await getDraft(ctx, parseId('draftId', q.draftId)) : null;
  const documentId = draft?.documentId ?? parseId('documentId', required('documentId', q.documentId));
  const unitId = draft?.unitId ?? parseId('unitId', required('unitId', q.unitId));
  const period = draft ? { from: draft.periodFrom, to: draft.periodTo } : parsePeriod(required('from', q.from), required('to', q.to));
  const figures = await directiveReport(ctx, { documentId: String(documentId), unitId: String(unitId), from: period.from, to: period.to });
  draft ??= await latestDraftFor(ctx, unitId, documentId, period.from, period.to);
  const issued = draft?.issuedDocumentId ? await ctx.em.findOne(DocumentEntity, { where: { id: draft.issuedDocumentId } }) : null;
  const issuer = await reportIssuer(ctx, unitId, issued?.issuedOn ?? period.to);
  const texts: DraftTexts = draft ?? defaultTexts(figures, issuer);
  const doc = directiveReportDocument(figures, issuer, texts, {
    number: issued ? `Số ${issued.number}` : `Số      -BC/${issuer.code}`,
    date: issued?.issuedOn ?? null,
  });
  const safeNumber = figures.document.number.replace(/[/\\]/g, '-');
  return { fileName: `Bao cao thuc hien ${safeNumber} - ${figures.unitName} (${period.from} den ${period.to}).docx`, bytes: await buildPartyDocx(doc) };
}

function required(field: string, value: string | undefined): string {
  if (!value) throw new BadInputError(field, `Thiếu tham số ${field}`);
  return value;
}

export function reportRoutes(config: AppConfig, dataSource: DataSource): Router {
  const router = Router();
  router.get(
    '/reports/directive',
    rest(config, dataSource, async (ctx, req, res) => {
      const file = await directiveReportFile(ctx, {
        documentId: queryParam(req, 'documentId'),
        unitId: queryParam(req, 'unitId'),
        from: queryParam(req, 'from'),
        to: queryParam(req, 'to'),
        draftId: queryParam(req, 'draftId'),
      });
      res.setHeader('Content-Type', DOCX_TYPE);
      res.setHeader('Content-Disposition', attachment(file.fileName));
      res.setHeader('Cache-Control', 'no-store');
      res.end(file.bytes);
    }),
  );
  // GET /reports/rating?periodId=&unitId=&format=docx|xlsx: the rating results of a period under a unit.
  router.get(
    '/reports/rating',
    rest(config, dataSource, async (ctx, req, res) => {
      const format = queryParam(req, 'format') ?? 'xlsx';
      if (format !== 'docx' && format !== 'xlsx') throw new BadInputError('format', 'Định dạng phải là docx hoặc xlsx');
      const data = await ratingReportData(ctx, queryParam(req, 'periodId'), queryParam(req, 'unitId'));
      const bytes = format === 'docx' ? await ratingReportDocx(ctx, data) : await ratingReportXlsx(data);
      res.setHeader('Content-Type', format === 'docx' ? DOCX_TYPE : XLSX_TYPE);
      res.setHeader('Content-Disposition', attachment(ratingReportFileName(data, format)));
      res.setHeader('Cache-Control', 'no-store');
      res.end(bytes);
    }),
  );
  return router;
}
