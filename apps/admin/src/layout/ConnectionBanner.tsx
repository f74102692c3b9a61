/**
 * One banner while the API answers that its database is unreachable (or cannot be reached at all): the clerk keeps
 * the page and what they typed, and the panel retries by itself. While shown, it probes the API (a signed-in `me`,
 * which needs the database) with a growing delay; the first successful answer (the probe's or any other request's)
 * hides it, and the queries that failed meanwhile are fetched again.
 */
import Alert from '@mui/material/Alert';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useSyncExternalStore } from 'react';
import { useTranslate } from 'react-admin';
import { authHeaders } from '../providers/authProvider';
import { connectionStatus } from '../providers/connectionStatus';
import { graphqlRequest } from '../providers/graphqlRequest';

const FIRST_RETRY_MS = 1000;
const MAX_RETRY_MS = 8000;
const PROBE = 'query ConnectionProbe { me { id } }';

export const ConnectionBanner = () => {
  const translate = useTranslate();
  const queryClient = useQueryClient();
  const lost = useSyncExternalStore(connectionStatus.subscribe, connectionStatus.isLost);

  useEffect(() => {
    if (!lost) {
      // Back: what failed during the outage is fetched again (an open form's record is not refetched: it has not failed).
      void queryClient.refetchQueries({ type: 'active', predicate: (query) => query.state.status === 'error' });
      return;
    }
    let delay = FIRST_RETRY_MS;
    let timer: ReturnType<typeof setTimeout>;
    const probe = () => {
      graphqlRequest(PROBE, {}, authHeaders()).catch(() => {
        delay = Math.min(delay * 2, MAX_RETRY_MS);
        if (connectionStatus.isLost()) timer = setTimeout(probe, delay);
      });
    };
    timer = setTimeout(probe, delay);
    return () => clearTimeout(timer);
  }, [lost, queryClient]);

  if (!lost) return null;
  return (
    <Alert severity="warning" variant="filled" sx={{ position: 'sticky', top: 0, zIndex: (theme) => theme.zIndex.appBar + 1, borderRadius: 0 }}>
      {translate('app.connection.lost')}
    </Alert>
  );
};
