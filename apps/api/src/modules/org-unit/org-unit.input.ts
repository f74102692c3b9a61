import { MassOrgKind, OrgUnitKind } from '@dangbo/shared-types';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { bulkUpdateArgsFor } from '../../graphql/bulk';
import { BaseFilter, listArgsFor } from '../../graphql/list-args';

@InputType()
export class OrgUnitFilter extends BaseFilter {
  /** Direct children of this unit (as of `asOf`). */
  @Field(() => ID, { nullable: true })
  parentId?: string;

  /** Only the tops of the tree visible to the caller. */
  @Field(() => Boolean, { nullable: true })
  root?: boolean;

  @Field(() => OrgUnitKind, { nullable: true })
  kind?: OrgUnitKind;

  @Field(() => [OrgUnitKind], { nullable: true })
  kinds?: OrgUnitKind[];

  /** Read the tree as of this date (YYYY-MM-DD); default today. */
  @Field(() => String, { nullable: true })
  asOf?: string;
}

const orgUnitLists = listArgsFor(OrgUnitFilter);

@ArgsType()
export class OrgUnitListArgs extends orgUnitLists.ListArgs {}

@ArgsType()
export class OrgUnitMetaArgs extends orgUnitLists.MetaArgs {}

@ArgsType()
export class CreateOrgUnitArgs {
  @Field(() => OrgUnitKind)
  kind!: OrgUnitKind;

  @Field(() => MassOrgKind, { nullable: true })
  massOrgKind?: MassOrgKind | null;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  shortName?: string | null;

  @Field(() => String, { nullable: true })
  code?: string | null;

  @Field(() => ID, { nullable: true })
  parentId?: string | null;

  /** Founding date; also the start of the link to the parent. Default today. */
  @Field(() => String, { nullable: true })
  validFrom?: string | null;
}

@ArgsType()
export class UpdateOrgUnitArgs {
  @Field(() => ID)
  id!: string;

  @Field(() => OrgUnitKind, { nullable: true })
  kind?: OrgUnitKind;

  @Field(() => MassOrgKind, { nullable: true })
  massOrgKind?: MassOrgKind | null;

  @Field(() => String, { nullable: true })
  name?: string;

  @Field(() => String, { nullable: true })
  shortName?: string | null;

  @Field(() => String, { nullable: true })
  code?: string | null;

  /** A new parent moves the unit from `movedOn` (default today); history keeps the old link. */
  @Field(() => ID, { nullable: true })
  parentId?: string | null;

  @Field(() => String, { nullable: true })
  movedOn?: string | null;

  @Field(() => String, { nullable: true })
  validFrom?: string;

  @Field(() => String, { nullable: true })
  validTo?: string | null;

  /** The version the editor started from; a stale one is refused with CONFLICT. */
  @Field(() => Int, { nullable: true })
  version?: number;
}

/** What `updateOrgUnits` sets on every chosen unit: a move under one parent, or an end date. */
@InputType('OrgUnitPatch')
export class OrgUnitPatch {
  @Field(() => ID, { nullable: true })
  parentId?: string | null;

  @Field(() => String, { nullable: true })
  movedOn?: string | null;

  @Field(() => String, { nullable: true })
  validTo?: string | null;
}

@ArgsType()
export class UpdateOrgUnitsArgs extends bulkUpdateArgsFor(OrgUnitPatch) {}
