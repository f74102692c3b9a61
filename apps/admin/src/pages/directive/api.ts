/**
 * The directive page's calls outside the ra-data-graphql-simple grammar: the directive's figures
 * (`directiveReport`) and the attendance of every cell's meetings in the window, all cells in ONE request
 * (`unitMetrics` once per cell, under aliases): the rates the rating engine uses, not a recount in the browser.
 */
import { authHeaders } from '../../providers/authProvider';
import { graphqlRequest } from '../../providers/graphqlRequest';
import { cellMetricsQuery } from './queries';
import { nextStanding, type DatedUnit } from './standing';

export interface Rate {
  part: number;
  whole: number;
  rate: number | null;
  text: string;
}

export interface Split {
  total: number;
  collective: number;
  individual: number;
}

export interface ReportDocument {
  id: string;
  number: string;
  typeName: string;
  title: string;
  issuedOn: string;
  issuerName: string;
  recipientCount?: number;
}

export interface OutreachFigures {
  total: Rate;
  byUnit: { unitId: string; unitName: string; reached: Rate }[];
}

export interface DirectiveReport {
  unitName: string;
  issuedDocuments: ReportDocument[];
  receivedDocuments: ReportDocument[];
  cellsReached: Rate;
  conferences: { activityId: string; title: string; heldOn: string; marked: number; absent: number; attendance: Rate }[];
  outreachMassOrgs: OutreachFigures;
  outreachPeople: OutreachFigures;
  propaganda: { count: Split; byMedium: { medium: string; count: number }[] };
  exemplaryModels: Split;
  inspections: { inspectionId: string; topic: string; startOn: string; subjectUnitName: string | null; subjectMemberName: string | null }[];
  commendations: Split;
  study: { registered: Rate; entries: number; reviewed: number; generic: Rate };
}

const RATE = 'part whole rate text';
const DOC = 'id number typeName title issuedOn issuerName';
const OUTREACH = `total { ${RATE} } byUnit { unitId unitName reached { ${RATE} } }`;
const SPLIT = 'total collective individual';

const REPORT = `query DirectiveReport($documentId: ID!, $unitId: ID!, $from: String!, $to: String!) {
  directiveReport(documentId: $documentId, unitId: $unitId, from: $from, to: $to) {
    unitName
    issuedDocuments { ${DOC} recipientCount }
    receivedDocuments { ${DOC} }
    cellsReached { ${RATE} }
    conferences { activityId title heldOn marked absent attendance { ${RATE} } }
    outreachMassOrgs { ${OUTREACH} }
    outreachPeople { ${OUTREACH} }
    propaganda { count { ${SPLIT} } byMedium { medium count } }
    exemplaryModels { ${SPLIT} }
    inspections { inspectionId topic startOn subjectUnitName subjectMemberName }
    commendations { ${SPLIT} }
    study { registered { ${RATE} } entries reviewed generic { ${RATE} } }
  }
}`;

export interface Window {
  documentId: string;
  unitId: string;
  from: string;
  to: string;
}

export const fetchReport = (w: Window) =>
  graphqlRequest<{ directiveReport: DirectiveReport }>(REPORT, { ...w }, authHeaders()).then((d) => d.directiveReport);

const STANDING = `query UnitLineage($id: ID!) { OrgUnit(id: $id) { id validFrom validTo successors { successorId effectiveDate } } }`;

/** The unit that stands for `unitId` on `day` (standing.ts): itself while it exists, else its heir through the lineage. */
export async function unitStandingOn(unitId: string, day: string): Promise<string> {
  let current = unitId;
  // A few steps at most: a commune merged, then merged again.
  for (let step = 0; step < 5; step++) {
    const { OrgUnit: unit } = await graphqlRequest<{ OrgUnit: DatedUnit }>(STANDING, { id: current }, authHeaders());
    const next = nextStanding(unit, day);
    if (next === 'here' || next === null) return current;
    current = next;
  }
  return current;
}

export interface CellAttendance {
  meetings: number;
  present: number;
  expected: number;
}

type MetricsRow = { meetings_held: number; meetingsAttended: number; meetingsExpected: number };

/** The API allows 20 aliases a request: a commune's cells fit in one, a district's take a few. */
const ALIASES_PER_REQUEST = 15;

async function fetchChunk(unitIds: readonly string[], from: string, to: string): Promise<[string, CellAttendance][]> {
  const variables: Record<string, unknown> = { from, to };
  unitIds.forEach((id, i) => (variables[`u${i}`] = id));
  const data = await graphqlRequest<Record<string, MetricsRow>>(cellMetricsQuery(unitIds.length), variables, authHeaders());
  return unitIds.map((id, i) => [id, { meetings: data[`u${i}`].meetings_held, present: data[`u${i}`].meetingsAttended, expected: data[`u${i}`].meetingsExpected }]);
}

export async function fetchCellAttendance(unitIds: readonly string[], from: string, to: string): Promise<Map<string, CellAttendance>> {
  const chunks: string[][] = [];
  for (let i = 0; i < unitIds.length; i += ALIASES_PER_REQUEST) chunks.push(unitIds.slice(i, i + ALIASES_PER_REQUEST));
  const parts = await Promise.all(chunks.map((c) => fetchChunk(c, from, to)));
  return new Map(parts.flat());
}
