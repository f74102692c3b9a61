import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { BaseFilter, listArgsFor } from '../../graphql/list-args';

@InputType()
export class DocumentFilter extends BaseFilter {
  /** Documents recorded by, issued by, or sent to this unit. */
  @Field(() => ID, { nullable: true })
  unitId?: string;

  @Field(() => String, { nullable: true })
  typeCode?: string;

  @Field(() => ID, { nullable: true })
  implementsId?: string;

  @Field(() => String, { nullable: true, description: 'Ban hành từ ngày (YYYY-MM-DD)' })
  issuedFrom?: string;

  @Field(() => String, { nullable: true, description: 'Ban hành đến ngày (YYYY-MM-DD)' })
  issuedTo?: string;
}

const documentLists = listArgsFor(DocumentFilter);

@ArgsType()
export class DocumentListArgs extends documentLists.ListArgs {}

@ArgsType()
export class DocumentMetaArgs extends documentLists.MetaArgs {}

/** Flat arguments, as ra-data-graphql-simple sends them. */
@ArgsType()
export class DocumentFieldsArgs {
  @Field(() => String, { nullable: true, description: 'Tên loại đầy đủ; bắt buộc khi mã loại có nhiều nghĩa (QĐ)' })
  typeName?: string | null;

  @Field(() => ID, { nullable: true, description: 'Đơn vị ban hành trong hệ thống; bỏ trống khi là cơ quan bên ngoài' })
  issuerUnitId?: string | null;

  @Field(() => String, { nullable: true, description: 'Tên cơ quan bên ngoài (Bộ Chính trị, Ban Tuyên giáo Huyện ủy, ...)' })
  issuerName?: string | null;

  @Field(() => String, { nullable: true, description: 'Ký hiệu cơ quan bên ngoài; phải khớp số văn bản' })
  issuerCode?: string | null;

  @Field(() => ID, { nullable: true, description: 'Đơn vị lưu văn bản của cơ quan bên ngoài' })
  ownerUnitId?: string | null;

  @Field(() => String, { nullable: true })
  term?: string | null;

  @Field(() => String, { nullable: true })
  summary?: string | null;

  @Field(() => ID, { nullable: true })
  implementsId?: string | null;
}

@ArgsType()
export class CreateDocumentArgs extends DocumentFieldsArgs {
  @Field(() => String)
  number!: string;

  @Field(() => String)
  issuedOn!: string;

  @Field(() => String)
  title!: string;
}

@ArgsType()
export class UpdateDocumentArgs extends DocumentFieldsArgs {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  number?: string;

  @Field(() => String, { nullable: true })
  issuedOn?: string;

  @Field(() => String, { nullable: true })
  title?: string;

  @Field(() => Int, { nullable: true })
  version?: number;
}

@InputType()
export class DocumentRecipientFilter extends BaseFilter {
  @Field(() => ID, { nullable: true })
  documentId?: string;

  @Field(() => ID, { nullable: true })
  unitId?: string;
}

const recipientLists = listArgsFor(DocumentRecipientFilter);

@ArgsType()
export class DocumentRecipientListArgs extends recipientLists.ListArgs {}

@ArgsType()
export class DocumentRecipientMetaArgs extends recipientLists.MetaArgs {}

@ArgsType()
export class CreateDocumentRecipientArgs {
  @Field(() => ID)
  documentId!: string;

  @Field(() => ID)
  unitId!: string;

  @Field(() => String)
  sentOn!: string;
}

@ArgsType()
export class UpdateDocumentRecipientArgs {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  sentOn?: string;

  @Field(() => Int, { nullable: true })
  version?: number;
}
