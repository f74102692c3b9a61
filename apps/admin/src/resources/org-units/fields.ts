/** What the tree asks for per unit: enough for a row, nothing of the relations it does not show. */
export const TREE_FIELDS = ['id', 'name', 'shortName', 'kind', 'childCount', 'memberCount', 'parentId'];

export interface TreeUnit {
  id: string;
  name: string;
  shortName?: string | null;
  kind: string;
  childCount: number;
  memberCount: number;
  parentId?: string | null;
}
