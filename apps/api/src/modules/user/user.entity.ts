import { Role } from '@dangbo/shared-types';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { dateColumn } from '../../database/columns';

@ObjectType('User', { description: 'Tài khoản người dùng' })
@Entity('app_user')
export class UserEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Field(() => String)
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 60, charset: 'ascii', collation: 'ascii_general_ci' })
  username!: string;

  @Field(() => String)
  @Column({ type: 'varchar', length: 200 })
  displayName!: string;

  /** scrypt$N$r$p$salt$hash; never leaves the server, never logged. */
  @Column({ type: 'varchar', length: 255 })
  passwordHash!: string;

  /** Bumped on every password change: login tokens signed before it stop working. */
  @Column({ type: 'int', default: 1 })
  passwordVersion!: number;

  @Field(() => Boolean)
  @Column({ type: 'boolean', default: true })
  active!: boolean;

  /** Demo accounts (development data) are refused when NODE_ENV=production. */
  @Field(() => Boolean)
  @Column({ type: 'boolean', default: false })
  demo!: boolean;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'datetime', precision: 3, nullable: true })
  lastLoginAt!: Date | null;

  @Field(() => Int)
  @VersionColumn({ type: 'int' })
  version!: number;

  @Field(() => Date)
  @CreateDateColumn({ type: 'datetime', precision: 6 })
  createdAt!: Date;
}

/** A role held on a unit; it applies to the unit's whole subtree. */
@ObjectType('RoleGrant', { description: 'Vai trò của người dùng trên một đơn vị (áp dụng cho cả cây con)' })
@Entity('role_grant')
@Index(['userId', 'role', 'unitId'], { unique: true })
@Index(['unitId'])
export class RoleGrantEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Field(() => ID)
  @Column({ type: 'int' })
  userId!: number;

  @Field(() => Role)
  @Column({ type: 'varchar', length: 20 })
  role!: Role;

  @Field(() => ID)
  @Column({ type: 'int' })
  unitId!: number;

  /** The grant works from this day (a grant moved to a successor unit by a structural event); null: since created. */
  @Field(() => String, { nullable: true, description: 'Hiệu lực từ ngày (YYYY-MM-DD)' })
  @Column(dateColumn({ nullable: true }))
  validFrom!: string | null;

  /** The grant stops working on this day (exclusive: its unit ended or it moved to the successor); null: open. */
  @Field(() => String, { nullable: true, description: 'Hết hiệu lực từ ngày (YYYY-MM-DD)' })
  @Column(dateColumn({ nullable: true }))
  validTo!: string | null;
}
