/**
 * The field names a query asks for on the objects of a list field, so list pages read only the columns they show
 * (fragments included). Unknown or computed fields are the caller's to map to columns.
 */
import { FieldNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';

export function requestedFields(info: GraphQLResolveInfo): Set<string> {
  const out = new Set<string>();
  const walk = (set: SelectionSetNode | undefined) => {
    for (const sel of set?.selections ?? []) {
      if (sel.kind === 'Field') out.add(sel.name.value);
      else if (sel.kind === 'InlineFragment') walk(sel.selectionSet);
      else walk(info.fragments[sel.name.value]?.selectionSet);
    }
  };
  info.fieldNodes.forEach((node: FieldNode) => walk(node.selectionSet));
  return out;
}

/** The fields asked for under a path of object fields (`['cell', 'parent']`), merged over aliases and fragments. */
export function requestedFieldsAt(info: GraphQLResolveInfo, path: string[]): Set<string> {
  const out = new Set<string>();
  const walk = (set: SelectionSetNode | undefined, depth: number) => {
    for (const sel of set?.selections ?? []) {
      if (sel.kind === 'InlineFragment') walk(sel.selectionSet, depth);
      else if (sel.kind === 'FragmentSpread') walk(info.fragments[sel.name.value]?.selectionSet, depth);
      else if (depth === path.length) out.add(sel.name.value);
      else if (sel.name.value === path[depth]) walk(sel.selectionSet, depth + 1);
    }
  };
  info.fieldNodes.forEach((node: FieldNode) => walk(node.selectionSet, 0));
  return out;
}
