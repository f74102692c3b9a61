import { Capability } from '@dangbo/shared-types';
import DataLoader from 'dataloader';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { In } from 'typeorm';
import { Context } from '../../context';
import { parseId } from '../../core/input';
import { ListMetadata } from '../../graphql/list-args';
import { readableById } from '../../core/list-loader';
import { OrgUnitEntity } from '../org-unit/org-unit.entity';
import { DocumentEntity, DocumentRecipientEntity } from './document.entity';
import {
  CreateDocumentArgs,
  CreateDocumentRecipientArgs,
  DocumentListArgs,
  DocumentMetaArgs,
  DocumentRecipientListArgs,
  DocumentRecipientMetaArgs,
  UpdateDocumentArgs,
  UpdateDocumentRecipientArgs,
} from './document.input';
import * as documents from './document.service';
import * as recipients from './recipient.service';

/** Recipients of documents, one statement per page of documents; each row then checked against the scope. */
const recipientLoaders = new WeakMap<Context, DataLoader<number, DocumentRecipientEntity[]>>();
function recipientsOf(ctx: Context): DataLoader<number, DocumentRecipientEntity[]> {
  let loader = recipientLoaders.get(ctx);
  if (!loader) {
    loader = new DataLoader(async (ids) => {
      const rows = await ctx.em.find(DocumentRecipientEntity, { where: { documentId: In([...ids]) }, order: { sentOn: 'ASC', id: 'ASC' } });
      return ids.map((id) => rows.filter((r) => r.documentId === id));
    });
    recipientLoaders.set(ctx, loader);
  }
  return loader;
}

@Resolver(() => DocumentEntity)
export class DocumentResolver {
  @Authorized()
  @Query(() => DocumentEntity, { name: 'Document' })
  document(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return documents.getDocument(ctx, parseId('id', id));
  }

  @Authorized()
  @Query(() => [DocumentEntity])
  allDocuments(@Args(() => DocumentListArgs) args: DocumentListArgs, @Ctx() ctx: Context) {
    return documents.listDocuments(ctx, args, args.filter);
  }

  @Authorized()
  @Query(() => ListMetadata)
  async _allDocumentsMeta(@Args(() => DocumentMetaArgs) args: DocumentMetaArgs, @Ctx() ctx: Context): Promise<ListMetadata> {
    return { count: await documents.countDocuments(ctx, args.filter) };
  }

  @Authorized(Capability.MANAGE_ACTIVITIES)
  @Mutation(() => DocumentEntity)
  createDocument(@Args(() => CreateDocumentArgs) args: CreateDocumentArgs, @Ctx() ctx: Context) {
    return documents.createDocument(ctx, args);
  }

  @Authorized(Capability.MANAGE_ACTIVITIES)
  @Mutation(() => DocumentEntity)
  updateDocument(@Args(() => UpdateDocumentArgs) args: UpdateDocumentArgs, @Ctx() ctx: Context) {
    return documents.updateDocument(ctx, args);
  }

  @Authorized(Capability.MANAGE_ACTIVITIES)
  @Mutation(() => DocumentEntity)
  deleteDocument(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return documents.deleteDocument(ctx, id);
  }

  // Relation fields are named apart from the `…Id` arguments: the stock client would otherwise overwrite an edited
  // `issuerUnitId` with the fetched `issuerUnit.id` (and fail on a null relation).
  @FieldResolver(() => OrgUnitEntity, { nullable: true, description: 'Đơn vị ban hành trong hệ thống (ngoài phạm vi: chỉ mã, loại, tên)' })
  async issuer(@Root() d: DocumentEntity, @Ctx() ctx: Context) {
    if (d.issuerUnitId === null) return null;
    // The issuer as it was on the issue date: its name then (a 2017 document of the province says "Bến Tre").
    const unit = await ctx.loaders.unitById.load(d.issuerUnitId);
    return unit ? Object.assign(Object.create(Object.getPrototypeOf(unit)), unit, { asOf: d.issuedOn }) : null;
  }

  @FieldResolver(() => OrgUnitEntity, { nullable: true, description: 'Đơn vị lưu văn bản' })
  owner(@Root() d: DocumentEntity, @Ctx() ctx: Context) {
    return ctx.loaders.unitById.load(d.ownerUnitId);
  }

  @FieldResolver(() => DocumentEntity, { nullable: true, description: 'Văn bản được triển khai (nếu người xem đọc được)' })
  implementsDocument(@Root() d: DocumentEntity, @Ctx() ctx: Context) {
    return d.implementsId === null ? null : readableById(ctx, documents.documentList).load(d.implementsId);
  }

  @FieldResolver(() => [DocumentRecipientEntity], { description: 'Nơi nhận trong phạm vi của người xem' })
  async recipients(@Root() d: DocumentEntity, @Ctx() ctx: Context): Promise<DocumentRecipientEntity[]> {
    const rows = await recipientsOf(ctx).load(d.id);
    const scope = await ctx.scope.unitIds(ctx.em, ctx.today);
    // The sending side sees every recipient; a recipient sees only itself.
    if (!scope || scope.has(d.ownerUnitId)) return rows;
    return rows.filter((r) => scope.has(r.unitId));
  }

  @FieldResolver(() => Int, { description: 'Số nơi nhận trong phạm vi của người xem' })
  async recipientCount(@Root() d: DocumentEntity, @Ctx() ctx: Context): Promise<number> {
    return (await this.recipients(d, ctx)).length;
  }
}

@Resolver(() => DocumentRecipientEntity)
export class DocumentRecipientResolver {
  @Authorized()
  @Query(() => DocumentRecipientEntity, { name: 'DocumentRecipient' })
  documentRecipient(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return recipients.getRecipient(ctx, parseId('id', id));
  }

  @Authorized()
  @Query(() => [DocumentRecipientEntity])
  allDocumentRecipients(@Args(() => DocumentRecipientListArgs) args: DocumentRecipientListArgs, @Ctx() ctx: Context) {
    return recipients.listRecipients(ctx, args, args.filter);
  }

  @Authorized()
  @Query(() => ListMetadata)
  async _allDocumentRecipientsMeta(@Args(() => DocumentRecipientMetaArgs) args: DocumentRecipientMetaArgs, @Ctx() ctx: Context): Promise<ListMetadata> {
    return { count: await recipients.countRecipients(ctx, args.filter) };
  }

  @Authorized(Capability.MANAGE_ACTIVITIES)
  @Mutation(() => DocumentRecipientEntity)
  createDocumentRecipient(@Args(() => CreateDocumentRecipientArgs) args: CreateDocumentRecipientArgs, @Ctx() ctx: Context) {
    return recipients.createRecipient(ctx, args);
  }

  @Authorized(Capability.MANAGE_ACTIVITIES)
  @Mutation(() => DocumentRecipientEntity)
  updateDocumentRecipient(@Args(() => UpdateDocumentRecipientArgs) args: UpdateDocumentRecipientArgs, @Ctx() ctx: Context) {
    return recipients.updateRecipient(ctx, args);
  }

  @Authorized(Capability.MANAGE_ACTIVITIES)
  @Mutation(() => DocumentRecipientEntity)
  deleteDocumentRecipient(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return recipients.deleteRecipient(ctx, id);
  }

  @FieldResolver(() => OrgUnitEntity, { nullable: true, description: 'Đơn vị nhận' })
  recipientUnit(@Root() r: DocumentRecipientEntity, @Ctx() ctx: Context) {
    return ctx.loaders.unitById.load(r.unitId);
  }

  @FieldResolver(() => DocumentEntity, { nullable: true })
  sentDocument(@Root() r: DocumentRecipientEntity, @Ctx() ctx: Context) {
    return readableById(ctx, documents.documentList).load(r.documentId);
  }
}
