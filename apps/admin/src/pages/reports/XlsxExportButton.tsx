/**
 * "Xuất Excel" on a list: the API streams the whole list (no row cap) as .xlsx with the list's current filter, sort
 * and visible columns (those of a configurable datagrid, else the list's own). The CSV export stays beside it.
 */
import GridOnIcon from '@mui/icons-material/GridOn';
import { Button, useListContext, useStore, useTranslate } from 'react-admin';
import { useNotifiedRun } from '../../common/useBusyRun';
import { downloadFile, exportPath } from './fileApi';

interface StoredColumn {
  index: string;
  source?: string;
}

/** The sources a DatagridConfigurable shows now (its stored preferences), or null when it stored none. */
export function visibleSources(available: StoredColumn[], omit: string[] | undefined, columns: string[] | undefined): string[] | null {
  if (!available.length) return null;
  const indexes = columns ?? available.filter((c) => !c.source || !omit?.includes(c.source)).map((c) => c.index);
  return indexes.map((i) => available.find((c) => c.index === i)?.source).filter((s): s is string => !!s);
}

export const XlsxExportButton = ({ columns }: { columns: readonly string[] }) => {
  const { resource, filterValues, sort, total } = useListContext();
  const translate = useTranslate();
  const { busy, run } = useNotifiedRun();
  const key = `preferences.${resource}.datagrid`;
  const [available] = useStore<StoredColumn[]>(`${key}.availableColumns`, []);
  const [omit] = useStore<string[] | undefined>(`${key}.omit`);
  const [chosen] = useStore<string[] | undefined>(`${key}.columns`);
  const shown = (visibleSources(available, omit, chosen) ?? [...columns]).filter((s) => columns.includes(s));

  const onClick = () =>
    run(async () => {
      await downloadFile(exportPath(resource, { filter: filterValues, sort, columns: shown }), `${resource}.xlsx`);
    });
  return (
    <Button label={translate('app.export.xlsx', { _: 'Xuất Excel' })} onClick={onClick} disabled={busy || total === 0}>
      <GridOnIcon />
    </Button>
  );
};
