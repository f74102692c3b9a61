import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A read-only token for analytics tools, limited to a unit's subtree. Only its hash is stored. */
@ObjectType('ApiToken', { description: 'Mã truy cập chỉ đọc cho công cụ phân tích' })
@Entity('api_token')
@Index(['unitId'])
export class ApiTokenEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Field(() => String)
  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Field(() => ID)
  @Column({ type: 'int' })
  unitId!: number;

  /** SHA-256 of the whole signed token. */
  @Column({ type: 'char', length: 64, charset: 'ascii', collation: 'ascii_bin' })
  tokenHash!: string;

  @Field(() => ID)
  @Column({ type: 'int' })
  createdBy!: number;

  @Field(() => Date)
  @CreateDateColumn({ type: 'datetime', precision: 6 })
  createdAt!: Date;

  @Field(() => Date)
  @Column({ type: 'datetime', precision: 3 })
  expiresAt!: Date;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'datetime', precision: 3, nullable: true })
  lastUsedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'datetime', precision: 3, nullable: true })
  revokedAt!: Date | null;

  /** Set only in the answer of createApiToken: the token is shown once. */
  @Field(() => String, { nullable: true, description: 'Chỉ hiện một lần, khi vừa tạo' })
  secret?: string | null;
}
