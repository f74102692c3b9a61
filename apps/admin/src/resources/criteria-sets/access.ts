/**
 * What the signed-in user may do with a set in the editor. The capabilities of the session (canAccess) say what the
 * user may do somewhere; `viewerCanManage` (from the API) says whether the user holds MANAGE_CRITERIA on this set's
 * owner unit. A criteria admin of a commune therefore reads a province template without editing or cloning it,
 * and may only start a set of the own unit from it.
 */
import { CriteriaSetStatus } from '@dangbo/shared-types';
import type { CriteriaSetRecord } from './types';

export interface EditorAccess {
  /** Change the draft: criteria, rules, delete, publish. */
  editable: boolean;
  /** Make the next revision (a draft) of a published or archived set. */
  canClone: boolean;
  /** Start a new set of one's own unit from this one. */
  canTemplate: boolean;
  /** Why the set is read-only (a message key), or null when it is editable. */
  readOnlyReason: string | null;
}

export function editorAccess(set: Pick<CriteriaSetRecord, 'status' | 'viewerCanManage'>, can: { edit?: boolean; create?: boolean }): EditorAccess {
  const manages = set.viewerCanManage === true && can.edit === true;
  const frozen = set.status !== CriteriaSetStatus.DRAFT;
  const editable = !frozen && manages;
  const canTemplate = frozen && can.create === true;
  return { editable, canClone: frozen && manages, canTemplate, readOnlyReason: editable ? null : reason(set.status, manages, canTemplate) };
}

function reason(status: CriteriaSetStatus, manages: boolean, canTemplate: boolean): string {
  if (status === CriteriaSetStatus.ARCHIVED) return 'app.criteria.editor.read_only_archived';
  if (status === CriteriaSetStatus.DRAFT) return 'app.criteria.editor.read_only_no_right';
  if (manages) return 'app.criteria.editor.read_only_published';
  return canTemplate ? 'app.criteria.editor.read_only_other_unit' : 'app.criteria.editor.read_only_published_view';
}
