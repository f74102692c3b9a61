import { CriteriaSetStatus } from '@dangbo/shared-types';
import { vi } from '../../i18n/vi';
import { editorAccess } from './access';

const { DRAFT, PUBLISHED, ARCHIVED } = CriteriaSetStatus;
const admin = { edit: true, create: true };

describe('what the editor lets the user do', () => {
  it('lets the owner unit’s criteria admin edit a draft, and clone (not edit) a published set', () => {
    expect(editorAccess({ status: DRAFT, viewerCanManage: true }, admin)).toEqual({ editable: true, canClone: false, canTemplate: false, readOnlyReason: null });
    expect(editorAccess({ status: PUBLISHED, viewerCanManage: true }, admin)).toEqual({
      editable: false,
      canClone: true,
      canTemplate: true,
      readOnlyReason: 'app.criteria.editor.read_only_published',
    });
  });

  it('shows a province template read-only to a commune criteria admin: no clone, only "use as a template"', () => {
    // ubkt.mythanh holds MANAGE_CRITERIA (so canAccess says yes) but not on the province: viewerCanManage is false.
    expect(editorAccess({ status: PUBLISHED, viewerCanManage: false }, admin)).toEqual({
      editable: false,
      canClone: false,
      canTemplate: true,
      readOnlyReason: 'app.criteria.editor.read_only_other_unit',
    });
    expect(editorAccess({ status: DRAFT, viewerCanManage: false }, admin)).toMatchObject({ editable: false, canClone: false, readOnlyReason: 'app.criteria.editor.read_only_no_right' });
  });

  it('needs the capability as well (a read-only API token, a clerk without MANAGE_CRITERIA), and treats a missing flag as no', () => {
    expect(editorAccess({ status: DRAFT, viewerCanManage: true }, { edit: false, create: false })).toMatchObject({ editable: false, readOnlyReason: 'app.criteria.editor.read_only_no_right' });
    expect(editorAccess({ status: PUBLISHED, viewerCanManage: false }, {})).toEqual({
      editable: false,
      canClone: false,
      canTemplate: false,
      readOnlyReason: 'app.criteria.editor.read_only_published_view',
    });
    expect(editorAccess({ status: DRAFT }, admin).editable).toBe(false);
    expect(editorAccess({ status: ARCHIVED, viewerCanManage: true }, admin)).toMatchObject({ canClone: true, readOnlyReason: 'app.criteria.editor.read_only_archived' });
  });

  it('explains every read-only case in the message files', () => {
    const editor = (vi as unknown as Record<string, { editor: Record<string, string> }>)['app.criteria'].editor;
    for (const status of [DRAFT, PUBLISHED, ARCHIVED])
      for (const viewerCanManage of [true, false])
        for (const can of [admin, { edit: true }, {}]) {
          const key = editorAccess({ status, viewerCanManage }, can).readOnlyReason;
          if (key) expect(editor[key.replace('app.criteria.editor.', '')]).toEqual(expect.any(String));
        }
  });
});
