/**
 * What the member form sends. The name parts are sent only when the clerk overrides the automatic split of the
 * full name (otherwise renaming "Nguyễn Văn A" would send the old parts and the API would refuse the mismatch);
 * an empty status lets the API derive it from the official date; a transfer date only goes with a new cell.
 */
const NAME_PARTS = ['familyName', 'middleName', 'givenName'] as const;

export type MemberData = Record<string, unknown>;

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

export function prepareMemberWrite(data: MemberData, previous?: MemberData): MemberData {
  const out: MemberData = { ...data };
  const empty = NAME_PARTS.every((p) => text(out[p]) === '');
  const untouched = previous !== undefined && NAME_PARTS.every((p) => text(out[p]) === text(previous[p]));
  if (empty || (untouched && !previous?.namePartsOverridden)) for (const p of NAME_PARTS) delete out[p];
  if (!out.status) delete out.status;
  if (!previous || String(out.cellId ?? '') === String(previous.cellId ?? '')) delete out.transferredOn;
  if (previous) delete out.joinedOn;
  return out;
}
