import { MassOrgKind, OrgUnitKind } from '@dangbo/shared-types';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { dateColumn, searchTextColumn, sortKeyColumn } from '../../database/columns';

/** A unit of the organisation tree. Its place in the tree lives in dated `OrgUnitLink` rows. */
@ObjectType('OrgUnit', { description: 'Đơn vị trong cây tổ chức', simpleResolvers: true })
@Entity('org_unit')
export class OrgUnitEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Field(() => OrgUnitKind)
  @Index()
  @Column({ type: 'varchar', length: 32 })
  kind!: OrgUnitKind;

  @Field(() => MassOrgKind, { nullable: true })
  @Column({ type: 'varchar', length: 32, nullable: true })
  massOrgKind!: MassOrgKind | null;

  /** The current name; `OrgUnit.name` reads the name as of the tree's date (org-event/unit-names.ts). */
  @Column({ type: 'varchar', length: 255 })
  name!: string;

  /** The day the current name took effect (a RENAME event); null: the unit always had it. Earlier names: org_unit_name. */
  @Column(dateColumn({ nullable: true }))
  nameFrom!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 100, nullable: true })
  shortName!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 32, nullable: true })
  code!: string | null;

  @Column(searchTextColumn())
  searchText!: string;

  @Index()
  @Column(sortKeyColumn())
  sortKey!: string;

  /** The unit exists from this date (founding decision). */
  // Nullable in the schema: a unit outside the caller's subtrees shows only id, kind and name (org-unit.fields.ts).
  @Field(() => String, { nullable: true, description: 'Ngày thành lập (YYYY-MM-DD)' })
  @Column(dateColumn())
  validFrom!: string;

  /** The unit ended on this date (merged, dissolved), exclusive; null while it exists. */
  @Field(() => String, { nullable: true, description: 'Ngày kết thúc hoạt động (YYYY-MM-DD)' })
  @Column(dateColumn({ nullable: true }))
  validTo!: string | null;

  @Field(() => Int, { nullable: true, description: 'Phiên bản, cho khóa lạc quan' })
  @VersionColumn({ type: 'int' })
  version!: number;

  @CreateDateColumn({ type: 'datetime', precision: 6 })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'datetime', precision: 6 })
  updatedAt!: Date;

  /** Not a column: the date the tree was read at, carried to the unit's relation fields. */
  asOf?: string;
}

/** "unit sits under parent from validFrom until validTo (exclusive)". A move closes one link and opens another. */
@Entity('org_unit_link')
@Index(['parentId', 'validFrom'])
@Index(['unitId', 'validFrom'])
export class OrgUnitLinkEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ type: 'int' })
  unitId!: number;

  @Column({ type: 'int' })
  parentId!: number;

  @Column(dateColumn())
  validFrom!: string;

  @Column(dateColumn({ nullable: true }))
  validTo!: string | null;
}

/** A committee term (nhiệm kỳ): document numbering restarts with each term. */
@ObjectType('CommitteeTerm', { description: 'Nhiệm kỳ của cấp ủy' })
@Entity('committee_term')
@Index(['unitId', 'startDate'])
export class CommitteeTermEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ type: 'int' })
  unitId!: number;

  @Field(() => String)
  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Field(() => String)
  @Column(dateColumn())
  startDate!: string;

  @Field(() => String, { nullable: true })
  @Column(dateColumn({ nullable: true }))
  endDate!: string | null;
}

export enum HeadCountKind {
  /** Members of a mass organisation (đoàn viên, hội viên). */
  MEMBERS = 'MEMBERS',
  /** People of the locality (nhân dân), the base of outreach to the people. */
  PEOPLE = 'PEOPLE',
}

registerEnumType(HeadCountKind, { name: 'HeadCountKind' });

/** A head-count snapshot of a Front or mass-organisation unit: the base of outreach rates. */
@ObjectType('HeadCount', { description: 'Số lượng đoàn viên, hội viên hoặc nhân dân tại một ngày' })
@Entity('unit_head_count')
@Index(['unitId', 'asOf'])
export class HeadCountEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Field(() => ID)
  @Column({ type: 'int' })
  unitId!: number;

  @Field(() => String)
  @Column(dateColumn())
  asOf!: string;

  @Field(() => HeadCountKind)
  @Column({ type: 'varchar', length: 10 })
  kind!: HeadCountKind;

  @Field(() => Int)
  @Column({ type: 'int' })
  count!: number;
}
