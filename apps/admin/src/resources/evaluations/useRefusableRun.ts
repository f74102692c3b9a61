import { useState } from 'react';
import { useBusyRun } from '../../common/useBusyRun';

/**
 * A rating screen's requests (a step, a lock, a job): `busy` while one runs, so its buttons wait, and what the server
 * refused kept in `refusal` for a RefusalAlert (cleared when the next request starts) rather than a passing toast,
 * since a refusal carries what to show (the quota's numbers, the evaluations to decide first).
 */
export function useRefusableRun(): { busy: boolean; refusal: unknown; run: (work: () => Promise<void>) => Promise<void> } {
  const [refusal, setRefusal] = useState<unknown>(null);
  const { busy, run } = useBusyRun(setRefusal, () => setRefusal(null));
  return { busy, refusal, run };
}
