import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlineOutlined';
import FileCopyOutlinedIcon from '@mui/icons-material/FileCopyOutlined';
import LockOutlinedIcon from '@mui/icons-material/LockOutlined';
import PublishIcon from '@mui/icons-material/Publish';
import SaveIcon from '@mui/icons-material/Save';
import VisibilityOutlinedIcon from '@mui/icons-material/VisibilityOutlined';
import { Box, Button, Card, CardContent, Chip, CircularProgress, Typography } from '@mui/material';
import { CriteriaSetStatus } from '@dangbo/shared-types';
import { LinkBase, useTranslate } from 'react-admin';
import { STATUS_COLORS, type CriteriaSetRecord } from '../types';

export interface EditorHeaderProps {
  set: CriteriaSetRecord;
  periodName?: string;
  unsavedCount: number;
  canDelete: boolean;
  canPublish: boolean;
  /** A new set of the caller's own unit, copied from this one. */
  canTemplate: boolean;
  /** The next revision of this set (its unit's criteria admins). */
  canClone: boolean;
  /** The write in progress, if any. */
  busy: string | null;
  onDelete: () => void;
  onClone: () => void;
  onPublish: () => void;
}

/** The set's name, what it is (status, revision, subject kind, period, unit) and what can be done with it. */
export const EditorHeader = ({ set, periodName, unsavedCount, canDelete, canPublish, canTemplate, canClone, busy, onDelete, onClone, onPublish }: EditorHeaderProps) => {
  const translate = useTranslate();
  const spinner = <CircularProgress size={16} color="inherit" />;
  const template = `/CriteriaSet/create?source=${encodeURIComponent(JSON.stringify({ copyFromId: set.id, subjectKind: set.subjectKind, periodId: set.periodId }))}`;
  return (
    <Card>
      <CardContent sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'flex-start', '&:last-child': { pb: 2 } }}>
        <Box sx={{ flex: '1 1 480px', minWidth: 0 }}>
          <Typography variant="overline" color="text.secondary">
            {translate('app.criteria.editor.title')}
          </Typography>
          <Typography variant="h5" component="h1" sx={{ lineHeight: 1.3 }}>
            {set.name}
          </Typography>
          <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', mt: 1, alignItems: 'center' }}>
            <Chip
              data-testid="set-status"
              size="small"
              color={STATUS_COLORS[set.status]}
              label={translate(`enums.CriteriaSetStatus.${set.status}`)}
              icon={set.status === CriteriaSetStatus.DRAFT ? undefined : <LockOutlinedIcon />}
              sx={{ fontWeight: 700 }}
            />
            <Chip size="small" variant="outlined" label={translate('app.criteria.revision', { revision: set.revision })} />
            <Chip size="small" variant="outlined" label={translate(`enums.SubjectKind.${set.subjectKind}`)} />
            {periodName && <Chip size="small" variant="outlined" label={periodName} />}
            {set.unit?.name && <Chip size="small" variant="outlined" label={set.unit.name} />}
            {unsavedCount > 0 && <Chip size="small" color="secondary" icon={<SaveIcon />} label={translate('app.criteria.editor.unsaved', { smart_count: unsavedCount })} />}
          </Box>
        </Box>
        <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'center', justifyContent: 'flex-end' }}>
          <Button component={LinkBase} to={`/CriteriaSet/${set.id}/show`} startIcon={<VisibilityOutlinedIcon />}>
            {translate('app.criteria.editor.summary')}
          </Button>
          {canDelete && (
            <Button color="error" startIcon={<DeleteOutlineIcon />} onClick={onDelete} disabled={!!busy}>
              {translate('app.criteria.editor.delete_draft')}
            </Button>
          )}
          {canTemplate && (
            <Button component={LinkBase} to={template} startIcon={<FileCopyOutlinedIcon />}>
              {translate('app.criteria.editor.use_as_template')}
            </Button>
          )}
          {canClone && (
            <Button variant="contained" startIcon={busy === 'clone' ? spinner : <ContentCopyIcon />} onClick={onClone} disabled={!!busy}>
              {translate('app.criteria.editor.clone')}
            </Button>
          )}
          {canPublish && (
            <Button variant="contained" startIcon={busy === 'publish' ? spinner : <PublishIcon />} onClick={onPublish} disabled={!!busy}>
              {translate('app.criteria.editor.publish')}
            </Button>
          )}
        </Box>
      </CardContent>
    </Card>
  );
};
