import { formatDate, isValidIsoDate } from '@dangbo/vn';
import { useCallback } from 'react';
import { downloadCSV, useTranslate, type Exporter, type RaRecord } from 'react-admin';
import { enumLabel } from './choices';
import { toCsv } from './csv';

/** One exported column: a field of the record, shown as a date, an enum label, or the name of a referenced record. */
export type CsvColumn =
  | { source: string; date?: boolean }
  | { source: string; enumName: string }
  | { source: string; reference: string };

/**
 * A list exporter for spreadsheets: headers and enum values in the current language (the field labels of
 * `resources.<resource>.fields`), dates as dd/mm/yyyy, references by name instead of id.
 */
export function useCsvExporter(resource: string, columns: readonly CsvColumn[], fileNameKey: string): Exporter {
  const translate = useTranslate();
  return useCallback<Exporter>(
    async (records: RaRecord[], fetchRelatedRecords) => {
      const related: Record<string, Record<string, RaRecord>> = {};
      for (const column of columns) {
        if ('reference' in column) related[column.source] = await fetchRelatedRecords<RaRecord>(records, column.source, column.reference);
      }
      const cell = (record: RaRecord, column: CsvColumn): unknown => {
        const value = record[column.source];
        if (value === null || value === undefined) return '';
        if ('reference' in column) return related[column.source][value]?.name ?? value;
        if ('enumName' in column) return translate(enumLabel(column.enumName, String(value)));
        if ('date' in column && column.date && typeof value === 'string' && isValidIsoDate(value)) return formatDate(value);
        return value;
      };
      const header = columns.map((c) => translate(`resources.${resource}.fields.${c.source}`));
      downloadCSV(toCsv([header, ...records.map((r) => columns.map((c) => cell(r, c)))]), translate(fileNameKey));
    },
    [translate, resource, columns, fileNameKey],
  );
}
