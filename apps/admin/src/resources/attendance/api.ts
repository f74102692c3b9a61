/**
 * The two calls of the attendance screen, outside the ra-data-graphql-simple grammar: who was expected (with the
 * stored marks) in one request, and the whole sheet saved in one mutation under the activity's version.
 */
import { authHeaders } from '../../providers/authProvider';
import { graphqlRequest } from '../../providers/graphqlRequest';
import type { ExpectedAttendee } from './sheet';

const EXPECTED = `query ExpectedAttendees($activityId: ID!) {
  expectedAttendees(activityId: $activityId) { memberId fullName cellId attendanceId present absenceReason }
}`;

const SAVE = `mutation SaveAttendance($activityId: ID!, $entries: [AttendanceEntryInput!]!, $version: Int!) {
  saveAttendance(activityId: $activityId, entries: $entries, version: $version) { id version }
}`;

export const fetchExpected = (activityId: string) =>
  graphqlRequest<{ expectedAttendees: ExpectedAttendee[] }>(EXPECTED, { activityId }, authHeaders()).then((d) => d.expectedAttendees);

export const saveSheet = (activityId: string, entries: { memberId: string; present: boolean; absenceReason: string | null }[], version: number) =>
  graphqlRequest<{ saveAttendance: { id: string; version: number } }>(SAVE, { activityId, entries, version }, authHeaders()).then((d) => d.saveAttendance);
