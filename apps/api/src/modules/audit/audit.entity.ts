import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One row per mutation, written in the same transaction as the change. Never updated or deleted via the API. */
@ObjectType('AuditEntry', { description: 'Nhật ký thay đổi' })
@Entity('audit_entry')
@Index(['entity', 'entityId'])
@Index(['at'])
export class AuditEntryEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Field(() => Date)
  @Column({ type: 'datetime', precision: 3 })
  at!: Date;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'int', nullable: true })
  userId!: number | null;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'int', nullable: true })
  tokenId!: number | null;

  /** Who, as shown to people (username or `token:` + token name), kept even if the account is removed later. */
  @Field(() => String)
  @Column({ type: 'varchar', length: 255 })
  actor!: string;

  /** The GraphQL mutation, e.g. `updateMember`. */
  @Field(() => String)
  @Column({ type: 'varchar', length: 80 })
  operation!: string;

  @Field(() => String)
  @Column({ type: 'varchar', length: 60 })
  entity!: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 40, nullable: true })
  entityId!: string | null;

  /** JSON text; longtext rather than json, which MariaDB aliases with a CHECK (stack.md §1.2). */
  @Field(() => String, { nullable: true })
  @Column({ type: 'longtext', nullable: true })
  before!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'longtext', nullable: true })
  after!: string | null;

  @Field(() => String)
  @Column({ type: 'varchar', length: 40 })
  requestId!: string;

  /** The unit whose subtree the change belongs to, for scoped reading of the log. */
  @Field(() => ID, { nullable: true })
  @Column({ type: 'int', nullable: true })
  unitId!: number | null;
}
