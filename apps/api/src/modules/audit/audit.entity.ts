import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One row per mutation, written in the same transaction as the change. Never updated or deleted via the API. */
@Entity('audit_entry')
@Index(['entity', 'entityId'])
@Index(['at'])
export class AuditEntryEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ type: 'datetime', precision: 3 })
  at!: Date;

  @Column({ type: 'int', nullable: true })
  userId!: number | null;

  @Column({ type: 'int', nullable: true })
  tokenId!: number | null;

  /** Who, as shown to people (username or token name), kept even if the account is removed later. */
  @Column({ type: 'varchar', length: 100 })
  actor!: string;

  /** The GraphQL mutation, e.g. `updateMember`. */
  @Column({ type: 'varchar', length: 80 })
  operation!: string;

  @Column({ type: 'varchar', length: 60 })
  entity!: string;

  @Column({ type: 'varchar', length: 40, nullable: true })
  entityId!: string | null;

  /** JSON text; longtext rather than json, which MariaDB aliases with a CHECK (stack.md §1.2). */
  @Column({ type: 'longtext', nullable: true })
  before!: string | null;

  @Column({ type: 'longtext', nullable: true })
  after!: string | null;

  @Column({ type: 'varchar', length: 40 })
  requestId!: string;

  /** The unit whose subtree the change belongs to, for scoped reading of the log. */
  @Column({ type: 'int', nullable: true })
  unitId!: number | null;
}
