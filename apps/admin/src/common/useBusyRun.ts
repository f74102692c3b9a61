import { useState } from 'react';
import { useNotify } from 'react-admin';

/**
 * Runs a screen's request (a step, a save, a download): `busy` while it runs, so its buttons wait; a failure goes to
 * `onError` rather than up to React. `onStart` runs as a request begins (to clear the last failure shown).
 */
export function useBusyRun(onError: (error: unknown) => void, onStart?: () => void): { busy: boolean; run: (work: () => Promise<void>) => Promise<void> } {
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    onStart?.();
    try {
      await work();
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  };
  return { busy, run };
}

/** `useBusyRun` whose failure shows as an error notification in the server's words (a refused download or save). */
export function useNotifiedRun(): { busy: boolean; run: (work: () => Promise<void>) => Promise<void> } {
  const notify = useNotify();
  return useBusyRun((e) => notify((e as Error).message, { type: 'error' }));
}
