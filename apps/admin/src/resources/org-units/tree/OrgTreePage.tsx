import { Box, Button, Card, CardContent, Typography } from '@mui/material';
import { todayIso } from '@dangbo/vn';
import { useState } from 'react';
import { CreateButton, Title, useTranslate } from 'react-admin';
import { DateTextField } from '../../../common/DateTextField';
import { OrgTree } from './OrgTree';

/** The home page: the organisation tree, read as of a chosen date (today by default). */
export const OrgTreePage = () => {
  const translate = useTranslate();
  const [asOf, setAsOf] = useState(todayIso());
  return (
    <Box sx={{ mt: { xs: 1, sm: 2 }, mb: 2 }}>
      <Title title="app.tree.title" />
      <Card>
        <CardContent sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: 2, pb: 0 }}>
          <Box sx={{ flex: '1 1 320px' }}>
            <Typography variant="h6" component="h1">
              {translate('app.tree.title')}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {translate('app.tree.subtitle')}
            </Typography>
          </Box>
          <DateTextField id="tree-as-of" label="app.tree.as_of" value={asOf} onChange={setAsOf} />
          <Button variant="outlined" onClick={() => setAsOf(todayIso())} sx={{ mt: 1.25 }}>
            {translate('app.tree.today')}
          </Button>
          <CreateButton resource="OrgUnit" variant="contained" sx={{ mt: 1.25 }} />
        </CardContent>
        <OrgTree asOf={asOf} storeKey="orgTree.expanded" />
      </Card>
    </Box>
  );
};
