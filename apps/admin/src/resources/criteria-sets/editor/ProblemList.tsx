import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import CheckIcon from '@mui/icons-material/Check';
import { Alert, AlertTitle, Box, ButtonBase, Chip, IconButton, Typography } from '@mui/material';
import CloseIcon from '@mui/icons-material/Close';
import type { EngineError } from '@dangbo/rating-engine';
import { useTranslate } from 'react-admin';

/**
 * Every problem of a set (the server's refusal to publish, or the live check), one line each with where it is
 * (criterion code or rule path) and the engine's message; a click shows the criterion or rule it is about.
 */
export const ProblemList = ({
  title,
  problems,
  severity,
  onPick,
  onClose,
  resolved,
}: {
  /** Translation key; gets `smart_count`. */
  title: string;
  problems: EngineError[];
  severity: 'error' | 'warning';
  onPick: (problem: EngineError) => void;
  onClose?: () => void;
  /** Problems already fixed in the editor since the list came (shown struck through). */
  resolved?: (problem: EngineError) => boolean;
}) => {
  const translate = useTranslate();
  return (
    <Alert
      severity={severity}
      variant="outlined"
      sx={{ bgcolor: 'background.paper', '& .MuiAlert-message': { width: '100%' } }}
      action={
        onClose ? (
          <IconButton size="small" aria-label={translate('ra.action.close')} onClick={onClose}>
            <CloseIcon fontSize="small" />
          </IconButton>
        ) : undefined
      }
      data-testid="problem-list"
    >
      <AlertTitle sx={{ fontWeight: 700 }}>{translate(title, { smart_count: problems.length })}</AlertTitle>
      <Box component="ol" sx={{ m: 0, p: 0, listStyle: 'none', display: 'grid', gap: 0.25 }}>
        {problems.map((p, i) => {
          const fixed = resolved?.(p) ?? false;
          return (
            <li key={`${p.path}-${p.code}-${i}`}>
              <ButtonBase
                onClick={() => onPick(p)}
                sx={{ width: '100%', justifyContent: 'flex-start', textAlign: 'left', gap: 1, px: 1, py: 0.5, borderRadius: 1, '&:hover': { bgcolor: 'action.hover' } }}
              >
                <Typography
                  component="span"
                  variant="caption"
                  sx={{ fontFamily: 'monospace', bgcolor: 'rgba(0,0,0,0.06)', px: 0.75, py: 0.25, borderRadius: 0.5, flexShrink: 0, minWidth: 120, color: 'text.primary' }}
                >
                  {p.criterionCode || p.path || '—'}
                </Typography>
                <Typography component="span" variant="body2" sx={{ flex: 1, color: fixed ? 'text.secondary' : 'text.primary', textDecoration: fixed ? 'line-through' : 'none' }}>
                  {p.message}
                </Typography>
                {fixed && <Chip size="small" color="success" variant="outlined" icon={<CheckIcon />} label={translate('app.criteria.editor.problem_fixed')} />}
                <ChevronRightIcon fontSize="small" sx={{ color: 'text.secondary' }} />
              </ButtonBase>
            </li>
          );
        })}
      </Box>
    </Alert>
  );
};
