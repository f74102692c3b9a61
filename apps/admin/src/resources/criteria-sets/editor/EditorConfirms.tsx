import { Confirm } from 'react-admin';
import { descendantIds } from '../../criteria/tree';
import type { CriteriaSetEditorState } from './useCriteriaSetEditor';

/** The questions before a write that cannot be undone: removing a criterion (and what is under it), publishing, deleting the draft. */
export const EditorConfirms = ({ editor }: { editor: CriteriaSetEditorState }) => {
  const { pending, setPending, rows, unsavedCount } = editor;
  return (
    <>
      <Confirm
        isOpen={pending?.kind === 'remove'}
        title="app.criteria.confirm.remove_title"
        content={pending?.kind === 'remove' && pending.node.children.length > 0 ? 'app.criteria.confirm.remove_group' : 'app.criteria.confirm.remove_criterion'}
        translateOptions={pending?.kind === 'remove' ? { name: pending.node.name, smart_count: descendantIds(rows, pending.node.id).length } : {}}
        onConfirm={() => {
          if (pending?.kind === 'remove') editor.criteria.remove(pending.node);
          setPending(null);
        }}
        onClose={() => setPending(null)}
      />
      <Confirm
        isOpen={pending?.kind === 'publish'}
        title="app.criteria.confirm.publish_title"
        content={unsavedCount > 0 ? 'app.criteria.confirm.publish_unsaved' : 'app.criteria.confirm.publish'}
        translateOptions={{ smart_count: unsavedCount }}
        confirm="app.criteria.editor.publish"
        onConfirm={() => {
          setPending(null);
          editor.publish();
        }}
        onClose={() => setPending(null)}
      />
      <Confirm
        isOpen={pending?.kind === 'delete-set'}
        title="app.criteria.confirm.delete_set_title"
        content="app.criteria.confirm.delete_set"
        onConfirm={() => {
          setPending(null);
          editor.deleteSet();
        }}
        onClose={() => setPending(null)}
      />
    </>
  );
};
