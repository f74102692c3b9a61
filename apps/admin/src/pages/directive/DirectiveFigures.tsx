import { List, ListItem, ListItemText, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatDate } from '@dangbo/vn';
import type { DirectiveReport, Rate } from './api';

const fraction = (r: Rate) => `${r.part}/${r.whole}`;

/** The report's figures as sentences, in the report's order, each rate as the report writes it ("94,18%"). */
export const DirectiveFigures = ({ report }: { report: DirectiveReport }) => {
  const translate = useTranslate();
  const line = (key: string, args: Record<string, unknown>) => <ListItemText primary={translate(key, args)} />;
  const media = report.propaganda.byMedium.map((m) => `${m.count} ${translate(`enums.PropagandaMedium.${m.medium}`).toLowerCase()}`).join(', ');
  return (
    <List dense aria-label={translate('app.directive.figures')}>
      <ListItem>
        {line('app.directive.documents_issued', {
          count: report.issuedDocuments.length,
          numbers: report.issuedDocuments.map((d) => d.number).join(', ') || translate('app.common.none'),
        })}
      </ListItem>
      <ListItem>{line('app.directive.cells_reached', { fraction: fraction(report.cellsReached), rate: report.cellsReached.text })}</ListItem>
      {report.conferences.map((c) => (
        <ListItem key={c.activityId}>
          {line('app.directive.conference_line', { title: c.title, date: formatDate(c.heldOn), fraction: fraction(c.attendance), rate: c.attendance.text })}
        </ListItem>
      ))}
      <ListItem>{line('app.directive.outreach_mass_orgs', { fraction: fraction(report.outreachMassOrgs.total), rate: report.outreachMassOrgs.total.text })}</ListItem>
      <ListItem>{line('app.directive.outreach_people', { fraction: fraction(report.outreachPeople.total), rate: report.outreachPeople.total.text })}</ListItem>
      <ListItem>
        {line('app.directive.propaganda', {
          total: report.propaganda.count.total,
          media: media || translate('app.common.none'),
          individual: report.propaganda.count.individual,
          collective: report.propaganda.count.collective,
        })}
      </ListItem>
      <ListItem>
        {line('app.directive.models', { total: report.exemplaryModels.total, collective: report.exemplaryModels.collective, individual: report.exemplaryModels.individual })}
      </ListItem>
      <ListItem>
        {line('app.directive.inspections', {
          count: report.inspections.length,
          subjects: report.inspections.map((i) => [i.subjectUnitName, i.subjectMemberName].filter(Boolean).join(', ')).join('; ') || translate('app.common.none'),
        })}
      </ListItem>
      <ListItem>
        {line('app.directive.commendations', { collective: report.commendations.collective, individual: report.commendations.individual })}
      </ListItem>
      <ListItem>
        {line('app.directive.study', {
          fraction: fraction(report.study.registered),
          rate: report.study.registered.text,
          generic: report.study.generic.part,
          reviewed: report.study.generic.whole,
          generic_rate: report.study.generic.text,
        })}
      </ListItem>
      <Typography variant="caption" color="text.secondary" sx={{ px: 2 }}>
        {translate('app.directive.computed_note')}
      </Typography>
    </List>
  );
};
