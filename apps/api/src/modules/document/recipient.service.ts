/**
 * Dissemination: a document sent to a unit on a date. A row is readable by the sending side (the document's keeping
 * unit in scope) and by the receiving unit; the sender records it (MANAGE_ACTIVITIES on the keeping unit).
 */
import { Context } from '../../context';
import { BadInputError, ConflictError, staleVersionError } from '../../core/errors';
import { parseDate, parseId } from '../../core/input';
import { PageArgs } from '../../graphql/list-args';
import { defineList } from '../../core/list';
import { updateVersioned } from '../../database/versioned-update';
import { runMutation } from '../audit/audit.service';
import { DocumentEntity, DocumentRecipientEntity } from './document.entity';
import { CreateDocumentRecipientArgs, DocumentRecipientFilter, UpdateDocumentRecipientArgs } from './document.input';
import { documentList } from './document.service';
import { checkExistsOn, requireManage, unitInScope } from './unit-refs';

const ENTITY = 'nơi nhận văn bản';

export const recipientList = defineList<DocumentRecipientEntity, DocumentRecipientFilter>({
  type: DocumentRecipientEntity,
  alias: 'r',
  label: ENTITY,
  from: (ctx) => ctx.em.createQueryBuilder(DocumentRecipientEntity, 'r').innerJoin(DocumentEntity, 'rd', 'rd.id = r.documentId'),
  scope: {
    apply: (qb, units) => qb.andWhere('(r.unitId IN (:...rcpScope) OR rd.ownerUnitId IN (:...rcpScope))', { rcpScope: units.length ? units : [0] }),
  },
  search: [{ sql: 'rd.number', kind: 'text' }],
  filter(qb, f) {
    if (f.documentId) qb.andWhere('r.documentId = :documentId', { documentId: parseId('filter.documentId', f.documentId) });
    if (f.unitId) qb.andWhere('r.unitId = :unitId', { unitId: parseId('filter.unitId', f.unitId) });
  },
  defaultSort: 'sentOn',
});

export const listRecipients = (ctx: Context, args: PageArgs, f?: DocumentRecipientFilter) => recipientList.list(ctx, args, f);
export const countRecipients = (ctx: Context, f?: DocumentRecipientFilter) => recipientList.count(ctx, f);
export const getRecipient = (ctx: Context, id: number) => recipientList.get(ctx, id);

/** The sender's document: readable, and the caller manages the unit that keeps it. */
async function senderDocument(ctx: Context, documentId: number, what: string): Promise<DocumentEntity> {
  const doc = await documentList.find(ctx, documentId);
  if (!doc) throw new BadInputError('documentId', `Không có văn bản mã ${documentId} trong phạm vi của bạn`);
  await requireManage(ctx, doc.ownerUnitId, what);
  return doc;
}

function checkSentOn(doc: DocumentEntity, sentOn: string): void {
  if (sentOn < doc.issuedOn) throw new BadInputError('sentOn', `Ngày gửi không thể trước ngày ban hành văn bản (${doc.issuedOn})`);
}

export async function createRecipient(ctx: Context, args: CreateDocumentRecipientArgs): Promise<DocumentRecipientEntity> {
  const documentId = parseId('documentId', args.documentId);
  const unitId = parseId('unitId', args.unitId);
  const sentOn = parseDate('sentOn', args.sentOn, 'Ngày gửi');
  return runMutation(ctx, 'createDocumentRecipient', async ({ em, audit }) => {
    const doc = await senderDocument(ctx, documentId, 'gửi văn bản');
    const unit = await unitInScope(ctx, em, 'unitId', unitId);
    checkExistsOn(unit, sentOn, 'unitId', 'ngày gửi');
    checkSentOn(doc, sentOn);
    if (await em.exists(DocumentRecipientEntity, { where: { documentId, unitId } })) {
      throw new ConflictError(`Văn bản ${doc.number} đã được gửi đến "${unit.name}"`, { field: 'unitId', reason: 'DUPLICATE' });
    }
    const row = em.create(DocumentRecipientEntity, { documentId, unitId, sentOn });
    await em.save(row);
    await audit({ entity: 'DocumentRecipient', entityId: row.id, before: null, after: { documentId, unitId, sentOn }, unitId: doc.ownerUnitId });
    return row;
  });
}

export async function updateRecipient(ctx: Context, args: UpdateDocumentRecipientArgs): Promise<DocumentRecipientEntity> {
  const id = parseId('id', args.id);
  return runMutation(ctx, 'updateDocumentRecipient', async ({ em, audit }) => {
    const row = await getRecipient(ctx, id);
    const doc = await senderDocument(ctx, row.documentId, 'sửa nơi nhận văn bản');
    if (args.version != null && args.version !== row.version) throw staleVersionError('Nơi nhận văn bản');
    const sentOn = args.sentOn === undefined ? row.sentOn : parseDate('sentOn', args.sentOn, 'Ngày gửi');
    checkSentOn(doc, sentOn);
    const saved = await updateVersioned(em, DocumentRecipientEntity, row, { sentOn }, 'Nơi nhận văn bản');
    await audit({ entity: 'DocumentRecipient', entityId: id, before: row, after: saved, unitId: doc.ownerUnitId });
    return saved;
  });
}

export async function deleteRecipient(ctx: Context, idArg: string): Promise<DocumentRecipientEntity> {
  const id = parseId('id', idArg);
  return runMutation(ctx, 'deleteDocumentRecipient', async ({ em, audit }) => {
    const row = await getRecipient(ctx, id);
    const doc = await senderDocument(ctx, row.documentId, 'xóa nơi nhận văn bản');
    await em.delete(DocumentRecipientEntity, { id });
    await audit({ entity: 'DocumentRecipient', entityId: id, before: row, after: null, unitId: doc.ownerUnitId });
    row.id = id;
    return row;
  });
}
