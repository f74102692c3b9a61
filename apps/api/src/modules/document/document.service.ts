/**
 * The document register. A document is readable where the caller sees the unit that keeps it (its issuer, or the
 * unit that recorded an outside document) or a unit it was sent to: a cell reads the commune's letter it received,
 * and not the commune's others. Writes need MANAGE_ACTIVITIES on the keeping unit.
 */
import { foldForSearch } from '@dangbo/vn';
import { EntityManager } from 'typeorm';
import { Context } from '../../context';
import { BadInputError, ConflictError, staleVersionError } from '../../core/errors';
import { longText, optionalText, parseDate, parseId, parseOptionalId, requiredText } from '../../core/input';
import { PageArgs } from '../../graphql/list-args';
import { defineList } from '../../core/list';
import { updateVersioned } from '../../database/versioned-update';
import { runMutation } from '../audit/audit.service';
import { ActivityDocumentEntity } from '../activity/activity.entity';
import { DocumentEntity, DocumentRecipientEntity } from './document.entity';
import { CreateDocumentArgs, DocumentFilter, UpdateDocumentArgs } from './document.input';
import { normalizeTerm, numberParts, uniqueKeyOf } from './document.rules';
import { checkExistsOn, requireManage, unitInScope } from './unit-refs';

const ENTITY = 'văn bản';

/** Rows of `alias` (a document) that the caller reads: kept by, or sent to, a unit of `param`. */
export const DOCUMENT_READABLE = (alias: string, param: string) =>
  `(${alias}.ownerUnitId IN (:...${param}) OR EXISTS (SELECT 1 FROM document_recipient dr_${param} WHERE dr_${param}.documentId = ${alias}.id AND dr_${param}.unitId IN (:...${param})))`;

export const documentList = defineList<DocumentEntity, DocumentFilter>({
  type: DocumentEntity,
  alias: 'd',
  label: ENTITY,
  scope: { apply: (qb, units) => qb.andWhere(DOCUMENT_READABLE('d', 'docScope'), { docScope: units.length ? units : [0] }) },
  search: [
    { sql: 'd.number', kind: 'text' },
    { sql: 'd.title', kind: 'text' },
    { sql: 'd.issuerName', kind: 'text' },
  ],
  filter(qb, f) {
    if (f.unitId) {
      const unitId = parseId('filter.unitId', f.unitId);
      qb.andWhere(DOCUMENT_READABLE('d', 'docUnit'), { docUnit: [unitId] });
    }
    if (f.typeCode) qb.andWhere('d.typeCode = :typeCode', { typeCode: f.typeCode });
    if (f.implementsId) qb.andWhere('d.implementsId = :implementsId', { implementsId: parseId('filter.implementsId', f.implementsId) });
    if (f.issuedFrom) qb.andWhere('d.issuedOn >= :issuedFrom', { issuedFrom: parseDate('filter.issuedFrom', f.issuedFrom) });
    if (f.issuedTo) qb.andWhere('d.issuedOn <= :issuedTo', { issuedTo: parseDate('filter.issuedTo', f.issuedTo) });
  },
  sorts: { recipientCount: '(SELECT COUNT(*) FROM document_recipient rc WHERE rc.documentId = d.id)' },
  defaultSort: 'issuedOn',
  defaultOrder: 'DESC',
});

export const listDocuments = (ctx: Context, args: PageArgs, f?: DocumentFilter) => documentList.list(ctx, args, f);
export const countDocuments = (ctx: Context, f?: DocumentFilter) => documentList.count(ctx, f);
export const getDocument = (ctx: Context, id: number) => documentList.get(ctx, id);

type Draft = Omit<DocumentEntity, 'id' | 'version' | 'createdAt' | 'updatedAt'>;

/** Every field of a document checked, from the stored one (update) and the arguments. */
async function buildDraft(ctx: Context, em: EntityManager, current: DocumentEntity | null, args: Partial<CreateDocumentArgs>): Promise<Draft> {
  const numberText = args.number ?? current?.number;
  if (numberText === undefined || numberText === null) throw new BadInputError('number', 'Số văn bản không được để trống');
  const typeNameArg = args.typeName === undefined ? current?.typeName : args.typeName;
  const parts = numberParts(requiredText('number', numberText, 'Số văn bản', 100), typeNameArg ? requiredText('typeName', typeNameArg, 'Tên loại văn bản', 100) : null);
  const issuedOn = args.issuedOn !== undefined ? parseDate('issuedOn', args.issuedOn ?? '', 'Ngày ban hành') : (current?.issuedOn as string);
  const title = requiredText('title', args.title ?? current?.title ?? '', 'Trích yếu', 500);
  const summary = args.summary === undefined ? (current?.summary ?? null) : (longText('summary', args.summary, 'Tóm tắt', 20000) ?? null);
  const term = normalizeTerm(args.term === undefined ? current?.term : optionalText('term', args.term, 'Khóa / nhiệm kỳ', 50));

  const issuerUnitId = args.issuerUnitId === undefined ? (current?.issuerUnitId ?? null) : (parseOptionalId('issuerUnitId', args.issuerUnitId) ?? null);
  let issuerName: string;
  let ownerUnitId: number;
  if (issuerUnitId !== null) {
    const issuer = await unitInScope(ctx, em, 'issuerUnitId', issuerUnitId);
    checkExistsOn(issuer, issuedOn, 'issuerUnitId', 'ngày ban hành');
    // The name as it is when recorded; kept on later edits unless the issuer changes (a renaming does not rewrite it).
    issuerName = current && current.issuerUnitId === issuerUnitId ? current.issuerName : (issuer.shortName ?? issuer.name);
    const owner = parseOptionalId('ownerUnitId', args.ownerUnitId);
    if (owner != null && owner !== issuerUnitId) {
      throw new BadInputError('ownerUnitId', 'Văn bản do đơn vị trong hệ thống ban hành được lưu tại chính đơn vị đó');
    }
    ownerUnitId = issuerUnitId;
  } else {
    const name = args.issuerName === undefined ? current?.issuerName : args.issuerName;
    issuerName = requiredText('issuerName', name ?? '', 'Tên cơ quan ban hành', 255);
    const code = args.issuerCode === undefined || args.issuerCode === null ? null : optionalText('issuerCode', args.issuerCode, 'Ký hiệu cơ quan ban hành', 50);
    // "DU" and "ĐU" are one code: compared without diacritics, stored as the parser spells it.
    if (code && foldForSearch(code) !== foldForSearch(parts.issuerCode)) {
      throw new BadInputError('issuerCode', `Ký hiệu cơ quan "${code}" không khớp số văn bản ${parts.number} (ký hiệu ${parts.issuerCode})`);
    }
    const ownerArg = args.ownerUnitId === undefined ? current?.ownerUnitId : parseOptionalId('ownerUnitId', args.ownerUnitId);
    const roots = ctx.scope.rootIds;
    const owner = ownerArg ?? (roots && roots.length === 1 ? roots[0] : null);
    if (owner == null) throw new BadInputError('ownerUnitId', 'Hãy chọn đơn vị lưu văn bản của cơ quan bên ngoài');
    await unitInScope(ctx, em, 'ownerUnitId', owner);
    ownerUnitId = owner;
  }

  const implementsId = args.implementsId === undefined ? (current?.implementsId ?? null) : (parseOptionalId('implementsId', args.implementsId) ?? null);
  if (implementsId !== null) await checkImplements(ctx, em, current?.id ?? null, implementsId);

  const draft: Draft = { ...parts, issuedOn, title, summary, term, issuerUnitId, issuerName, ownerUnitId, implementsId };
  draft.uniqueKey = uniqueKeyOf(draft);
  return draft;
}

/** The implemented document is readable, and following `implements` from it never comes back to this one. */
async function checkImplements(ctx: Context, em: EntityManager, selfId: number | null, implementsId: number): Promise<void> {
  if (implementsId === selfId) throw new BadInputError('implementsId', 'Văn bản không thể triển khai chính nó');
  if (!(await documentList.find(ctx, implementsId))) {
    throw new BadInputError('implementsId', `Không có văn bản mã ${implementsId} trong phạm vi của bạn`);
  }
  if (selfId === null) return;
  const seen = new Set<number>();
  for (let at: number | null = implementsId; at !== null && !seen.has(at); ) {
    if (at === selfId) throw new BadInputError('implementsId', 'Không thể chọn văn bản này: nó đang (gián tiếp) triển khai chính văn bản đang sửa (tạo thành vòng)');
    seen.add(at);
    const row: { implementsId: number | null } | null = await em.findOne(DocumentEntity, { where: { id: at }, select: { id: true, implementsId: true } });
    at = row?.implementsId ?? null;
  }
}

/** The precise answer to the usual duplicate; the unique index decides a race (database/unique-violations.ts). */
async function checkUnique(em: EntityManager, draft: Draft, selfId: number | null): Promise<void> {
  const other = await em
    .createQueryBuilder(DocumentEntity, 'o')
    .select('o.id', 'id')
    .where('o.uniqueKey = :key', { key: draft.uniqueKey })
    .getRawOne<{ id: number }>();
  if (other && Number(other.id) !== selfId) {
    const term = draft.term ? `, khóa/nhiệm kỳ ${draft.term}` : '';
    throw new ConflictError(`Văn bản số ${draft.number} của ${draft.issuerName}${term} đã có trong sổ văn bản`, { field: 'number', reason: 'DUPLICATE' });
  }
}

export async function createDocument(ctx: Context, args: CreateDocumentArgs): Promise<DocumentEntity> {
  return runMutation(ctx, 'createDocument', async ({ em, audit }) => {
    const draft = await buildDraft(ctx, em, null, args);
    await requireManage(ctx, draft.ownerUnitId, 'quản lý văn bản');
    await checkUnique(em, draft, null);
    const doc = em.create(DocumentEntity, draft);
    await em.save(doc);
    await audit({ entity: 'Document', entityId: doc.id, before: null, after: draft, unitId: draft.ownerUnitId });
    return doc;
  });
}

export async function updateDocument(ctx: Context, args: UpdateDocumentArgs): Promise<DocumentEntity> {
  const id = parseId('id', args.id);
  return runMutation(ctx, 'updateDocument', async ({ em, audit }) => {
    const doc = await getDocument(ctx, id);
    await requireManage(ctx, doc.ownerUnitId, 'sửa văn bản');
    if (args.version != null && args.version !== doc.version) throw staleVersionError('Văn bản');
    const draft = await buildDraft(ctx, em, doc, args);
    if (draft.ownerUnitId !== doc.ownerUnitId) await requireManage(ctx, draft.ownerUnitId, 'chuyển văn bản đến đơn vị này');
    await checkUnique(em, draft, id);
    const saved = await updateVersioned(em, DocumentEntity, doc, draft, 'Văn bản');
    await audit({ entity: 'Document', entityId: id, before: doc, after: draft, unitId: draft.ownerUnitId });
    return saved;
  });
}

export async function deleteDocument(ctx: Context, idArg: string): Promise<DocumentEntity> {
  const id = parseId('id', idArg);
  return runMutation(ctx, 'deleteDocument', async ({ em, audit }) => {
    const doc = await getDocument(ctx, id);
    await requireManage(ctx, doc.ownerUnitId, 'xóa văn bản');
    if (await em.exists(DocumentEntity, { where: { implementsId: id } })) {
      throw new ConflictError(`Không xóa được văn bản ${doc.number}: có văn bản khác triển khai nó`, { reason: 'HAS_DEPENDENTS' });
    }
    if (await em.exists(ActivityDocumentEntity, { where: { documentId: id } })) {
      throw new ConflictError(`Không xóa được văn bản ${doc.number}: có hoạt động gắn với văn bản này`, { reason: 'HAS_ACTIVITIES' });
    }
    const recipients = await em.find(DocumentRecipientEntity, { where: { documentId: id } });
    await em.delete(DocumentRecipientEntity, { documentId: id });
    await em.delete(DocumentEntity, { id });
    await audit({ entity: 'Document', entityId: id, before: { ...doc, recipients }, after: null, unitId: doc.ownerUnitId });
    doc.id = id;
    return doc;
  });
}
