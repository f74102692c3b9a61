/**
 * A record made from its parent's page (a document's recipient, an inspection's follow-up action, a registration's
 * monthly entry): the parent's button opens the create form with the parent filled in, and the form, once saved,
 * goes back to the parent's page.
 */
import AddIcon from '@mui/icons-material/Add';
import { Button, Link, useRecordContext, type RaRecord } from 'react-admin';

/**
 * Opens the create form of `reference` with `target` set to the current record (named as in ReferenceManyField).
 * In a show tab, give it a component of its own: the tab labels each child by the child's `label` prop.
 */
export const AddChildButton = ({ reference, target, label }: { reference: string; target: string; label: string }) => {
  const record = useRecordContext();
  if (!record) return null;
  return <Button component={Link} to={`/${reference}/create`} state={{ record: { [target]: record.id } }} label={label} startIcon={<AddIcon />} />;
};

/** The `redirect` of a child's forms: the page of the `parent` its `target` names, on the tab that lists it (`tab`, from 0). */
export const toParent =
  (parent: string, target: string, tab?: number) =>
  (_resource?: string, _id?: RaRecord['id'], data?: Partial<RaRecord>) =>
    `${parent}/${data?.[target]}/show${tab === undefined ? '' : `/${tab}`}`;
