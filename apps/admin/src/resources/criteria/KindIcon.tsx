import AddCircleOutlineIcon from '@mui/icons-material/AddCircleOutlineOutlined';
import CheckBoxOutlinedIcon from '@mui/icons-material/CheckBoxOutlined';
import EditNoteIcon from '@mui/icons-material/EditNote';
import FolderOutlinedIcon from '@mui/icons-material/FolderOutlined';
import FunctionsIcon from '@mui/icons-material/Functions';
import InsightsIcon from '@mui/icons-material/Insights';
import RemoveCircleOutlineIcon from '@mui/icons-material/RemoveCircleOutlineOutlined';
import type { SvgIconProps } from '@mui/material';
import { CriterionKind } from '@dangbo/shared-types';
import type { ComponentType } from 'react';

const ICONS: Record<CriterionKind, { Icon: ComponentType<SvgIconProps>; color: string }> = {
  [CriterionKind.GROUP]: { Icon: FolderOutlinedIcon, color: '#7a0f12' },
  [CriterionKind.SCORE]: { Icon: EditNoteIcon, color: '#4a5568' },
  [CriterionKind.CHECK]: { Icon: CheckBoxOutlinedIcon, color: '#2e7d32' },
  [CriterionKind.METRIC]: { Icon: InsightsIcon, color: '#1565c0' },
  [CriterionKind.FORMULA]: { Icon: FunctionsIcon, color: '#6a1b9a' },
  [CriterionKind.BONUS]: { Icon: AddCircleOutlineIcon, color: '#2e7d32' },
  [CriterionKind.PENALTY]: { Icon: RemoveCircleOutlineIcon, color: '#c62828' },
};

/** One icon per kind of criterion, so the tree reads at a glance (typed, checked, computed, bonus, penalty). */
export const KindIcon = ({ kind, ...props }: { kind: CriterionKind } & SvgIconProps) => {
  const { Icon, color } = ICONS[kind] ?? ICONS[CriterionKind.SCORE];
  return <Icon fontSize="small" sx={{ color, flexShrink: 0 }} aria-hidden {...props} />;
};
