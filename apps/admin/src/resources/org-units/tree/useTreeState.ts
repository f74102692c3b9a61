import { useCallback, useState } from 'react';
import { useStore } from 'react-admin';

type Expanded = Record<string, boolean>;

/**
 * Which nodes are open. The tops of the tree start open; the browser page remembers the clerk's choice across
 * visits (react-admin's store), a picker dialog starts afresh each time.
 */
export function useTreeState(storeKey?: string) {
  const [stored, setStored] = useStore<Expanded>(storeKey ?? 'orgTree.unused', {});
  const [local, setLocal] = useState<Expanded>({});
  const expanded = storeKey ? stored : local;
  const setExpanded = storeKey ? setStored : setLocal;
  const isOpen = useCallback((id: string, depth: number) => expanded[id] ?? depth === 0, [expanded]);
  const toggle = useCallback(
    (id: string, depth: number) => setExpanded({ ...expanded, [id]: !(expanded[id] ?? depth === 0) }),
    [expanded, setExpanded],
  );
  return { isOpen, toggle };
}

export type TreeState = ReturnType<typeof useTreeState>;
