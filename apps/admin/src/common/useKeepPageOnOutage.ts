/**
 * The `queryOptions.onError` of an edit page that must survive a database outage. react-admin's default sends the
 * clerk to the list when the record cannot be (re)loaded, which would throw away the form being typed; during an
 * outage the connection banner speaks instead and the page stays. Any other failure keeps the default behaviour.
 */
import { useNotify, useRedirect, useResourceContext } from 'react-admin';
import { isOutage } from '../providers/connectionStatus';

export function useKeepPageOnOutage(): { onError: (error: unknown) => void } {
  const notify = useNotify();
  const redirect = useRedirect();
  const resource = useResourceContext();
  return {
    onError: (error) => {
      if (isOutage(error)) return;
      notify('ra.notification.item_doesnt_exist', { type: 'error' });
      redirect('list', resource);
    },
  };
}
