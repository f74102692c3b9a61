import AccountBalanceIcon from '@mui/icons-material/AccountBalance';
import ApartmentIcon from '@mui/icons-material/Apartment';
import Diversity3Icon from '@mui/icons-material/Diversity3';
import FlagIcon from '@mui/icons-material/Flag';
import GroupsIcon from '@mui/icons-material/Groups';
import HomeWorkIcon from '@mui/icons-material/HomeWork';
import LocationCityIcon from '@mui/icons-material/LocationCity';
import { OrgUnitKind } from '@dangbo/shared-types';

type SvgIconComponent = typeof AccountBalanceIcon;

/** Icon and accent colour of each kind of unit, so levels read at a glance in the tree and the lists. */
export const KIND_STYLE: Record<OrgUnitKind, { Icon: SvgIconComponent; color: string }> = {
  [OrgUnitKind.PROVINCE_COMMITTEE]: { Icon: AccountBalanceIcon, color: '#a4161a' },
  [OrgUnitKind.DISTRICT_COMMITTEE]: { Icon: LocationCityIcon, color: '#b5381f' },
  [OrgUnitKind.COMMUNE_COMMITTEE]: { Icon: ApartmentIcon, color: '#c0592a' },
  [OrgUnitKind.GRASSROOTS_COMMITTEE]: { Icon: ApartmentIcon, color: '#c0592a' },
  [OrgUnitKind.SUB_COMMITTEE]: { Icon: HomeWorkIcon, color: '#a66a1f' },
  [OrgUnitKind.GRASSROOTS_CELL]: { Icon: GroupsIcon, color: '#8a6d1f' },
  [OrgUnitKind.CELL]: { Icon: GroupsIcon, color: '#8a6d1f' },
  [OrgUnitKind.FRONT]: { Icon: FlagIcon, color: '#1f5fa6' },
  [OrgUnitKind.MASS_ORG]: { Icon: Diversity3Icon, color: '#2e7d5b' },
};

export const kindStyle = (kind: string) => KIND_STYLE[kind as OrgUnitKind] ?? KIND_STYLE[OrgUnitKind.CELL];

/** The kind's icon in its colour. */
export const KindIcon = ({ kind, fontSize = 'small' }: { kind: string; fontSize?: 'small' | 'medium' }) => {
  const { Icon, color } = kindStyle(kind);
  return <Icon fontSize={fontSize} sx={{ color }} />;
};
