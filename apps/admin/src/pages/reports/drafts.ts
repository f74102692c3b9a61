/** The report drafts' GraphQL calls (the type is outside the list resources of the panel). */
import { authHeaders } from '../../providers/authProvider';
import { graphqlRequest } from '../../providers/graphqlRequest';

export interface ReportDraft {
  id: string;
  version: number;
  unitId: string;
  documentId: string;
  periodFrom: string;
  periodTo: string;
  title: string;
  introduction: string | null;
  strengths: string | null;
  limitations: string | null;
  directions: string | null;
  recipients: string | null;
  issuedDocument: { id: string; number: string; issuedOn: string } | null;
}

export type DraftTexts = Pick<ReportDraft, 'title' | 'introduction' | 'strengths' | 'limitations' | 'directions' | 'recipients'>;
export const TEXT_FIELDS: (keyof DraftTexts)[] = ['title', 'introduction', 'strengths', 'limitations', 'directions', 'recipients'];

const FIELDS = 'id version unitId documentId periodFrom periodTo title introduction strengths limitations directions recipients issuedDocument { id number issuedOn }';

export interface Period {
  documentId: string;
  unitId: string;
  from: string;
  to: string;
}

/** The latest draft of this report, if the office started one. */
export async function findDraft(p: Period): Promise<ReportDraft | null> {
  const data = await graphqlRequest<{ allReportDrafts: ReportDraft[] }>(
    `query($f: ReportDraftFilter) { allReportDrafts(filter: $f, perPage: 50) { ${FIELDS} } }`,
    { f: { unitId: p.unitId, documentId: p.documentId } },
    authHeaders(),
  );
  return data.allReportDrafts.find((d) => d.periodFrom === p.from && d.periodTo === p.to) ?? null;
}

export async function createDraft(p: Period): Promise<ReportDraft> {
  const data = await graphqlRequest<{ createReportDraft: ReportDraft }>(
    `mutation($u: ID!, $d: ID!, $f: String!, $t: String!) { createReportDraft(unitId: $u, documentId: $d, periodFrom: $f, periodTo: $t) { ${FIELDS} } }`,
    { u: p.unitId, d: p.documentId, f: p.from, t: p.to },
    authHeaders(),
  );
  return data.createReportDraft;
}

export async function saveDraft(d: ReportDraft, texts: DraftTexts): Promise<ReportDraft> {
  const data = await graphqlRequest<{ updateReportDraft: ReportDraft }>(
    `mutation($id: ID!, $v: Int, $title: String, $introduction: String, $strengths: String, $limitations: String, $directions: String, $recipients: String) {
      updateReportDraft(id: $id, version: $v, title: $title, introduction: $introduction, strengths: $strengths, limitations: $limitations, directions: $directions, recipients: $recipients) { ${FIELDS} } }`,
    { id: d.id, v: d.version, ...texts },
    authHeaders(),
  );
  return data.updateReportDraft;
}

export async function issueDraft(d: ReportDraft, number: string | null, issuedOn: string | null): Promise<ReportDraft> {
  const data = await graphqlRequest<{ issueReport: ReportDraft }>(
    `mutation($id: ID!, $n: String, $on: String) { issueReport(draftId: $id, number: $n, issuedOn: $on) { ${FIELDS} } }`,
    { id: d.id, n: number || null, on: issuedOn || null },
    authHeaders(),
  );
  return data.issueReport;
}
