/**
 * The directive implementation report: choose the directive, the unit and the period; section 1 is written by the
 * server from the data; the office writes the introduction and sections 2 and 3 in a draft (pre-filled from the
 * figures), downloads the .docx, and issues it: the report then takes its number from the register.
 */
import DescriptionIcon from '@mui/icons-material/Description';
import { Alert, Box, Button, Card, CardContent, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useWatch } from 'react-hook-form';
import { AutocompleteInput, Form, ReferenceInput, Title, useTranslate } from 'react-admin';
import { todayIso } from '@dangbo/vn';
import { DateInput } from '../../common/DateInput';
import { UnitReferenceInput } from '../../common/UnitReferenceInput';
import { useNotifiedRun } from '../../common/useBusyRun';
import { createDraft, findDraft, issueDraft, saveDraft, TEXT_FIELDS, type DraftTexts, type Period, type ReportDraft } from './drafts';
import { downloadFile } from './fileApi';

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const complete = (p: Partial<Period>): p is Period => !!p.documentId && !!p.unitId && ISO.test(p.from ?? '') && ISO.test(p.to ?? '') && (p.from ?? '') <= (p.to ?? '');

const LABELS: Record<keyof DraftTexts, string> = {
  title: 'Trích yếu (dưới chữ BÁO CÁO)',
  introduction: 'Mở đầu',
  strengths: '2- Nhận xét: mặt được',
  limitations: '2- Nhận xét: hạn chế',
  directions: '3- Phương hướng nhiệm vụ',
  recipients: 'Nơi nhận (mỗi dòng một nơi)',
};

const PeriodWatcher = ({ onChange }: { onChange: (p: Partial<Period>) => void }) => {
  const values = useWatch() as Partial<Period>;
  const key = JSON.stringify(values);
  // Keyed on the values' text: useWatch gives a new object on every render.
  useEffect(() => onChange(JSON.parse(key) as Partial<Period>), [key, onChange]);
  return null;
};

export const DirectiveReportPage = () => {
  const translate = useTranslate();
  const t = (key: string, _: string, args: Record<string, unknown> = {}) => translate(`app.report.${key}`, { _, ...args });
  const [period, setPeriod] = useState<Partial<Period>>({});
  const [draft, setDraft] = useState<ReportDraft | null>(null);
  const [texts, setTexts] = useState<DraftTexts | null>(null);
  const [number, setNumber] = useState('');
  const [issuedOn, setIssuedOn] = useState(todayIso());
  const { busy, run: act } = useNotifiedRun();
  const ready = complete(period);

  const { documentId, unitId, from, to } = period;
  useEffect(() => {
    setDraft(null);
    setTexts(null);
    const p = { documentId, unitId, from, to };
    if (!complete(p)) return;
    let live = true;
    findDraft(p).then((d) => {
      if (!live) return;
      setDraft(d);
      setTexts(d);
    }, () => undefined);
    return () => {
      live = false;
    };
  }, [documentId, unitId, from, to]);

  const keep = (d: ReportDraft) => {
    setDraft(d);
    setTexts(d);
  };
  const download = () =>
    act(async () => {
      if (!complete(period)) return;
      const q = draft ? `draftId=${draft.id}` : new URLSearchParams({ documentId: period.documentId, unitId: period.unitId, from: period.from, to: period.to }).toString();
      await downloadFile(`/reports/directive?${q}`, 'bao-cao.docx');
    });

  return (
    <Card sx={{ mt: 2 }}>
      <Title title={t('title', 'Báo cáo thực hiện văn bản')} />
      <CardContent>
        <Form defaultValues={{ to: todayIso() }}>
          <PeriodWatcher onChange={setPeriod} />
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
            <ReferenceInput source="documentId" reference="Document" filter={{ typeCode: 'CT' }} sort={{ field: 'issuedOn', order: 'DESC' }}>
              <AutocompleteInput optionText="number" label={t('document', 'Chỉ thị')} sx={{ minWidth: 220 }} />
            </ReferenceInput>
            {/* The units as they stood at the end of the period (the server names the issuer on that day too): a unit
                ended in a reorganisation still reports on its own years. */}
            <UnitReferenceInput
              source="unitId"
              label={t('unit', 'Đơn vị báo cáo')}
              asOf={ISO.test(to ?? '') ? to : undefined}
              helperText={t('unit_help', 'Các đơn vị tại ngày cuối kỳ báo cáo')}
              sx={{ minWidth: 280 }}
            />
            <DateInput source="from" label={t('from', 'Từ ngày')} />
            <DateInput source="to" label={t('to', 'Đến ngày')} />
          </Stack>
        </Form>
        <Stack direction="row" spacing={2} sx={{ my: 2 }}>
          <Button variant="contained" startIcon={<DescriptionIcon />} disabled={!ready || busy} onClick={download}>
            {t('download', 'Tải báo cáo (.docx)')}
          </Button>
          {ready && !draft && (
            <Button variant="outlined" disabled={busy} onClick={() => act(async () => keep(await createDraft(period as Period)))}>
              {t('create_draft', 'Viết nhận xét, phương hướng (tạo dự thảo)')}
            </Button>
          )}
        </Stack>
        {draft?.issuedDocument && (
          <Alert severity="success">{t('issued', 'Đã ban hành: số %{number}, ngày %{date}', { number: draft.issuedDocument.number, date: draft.issuedDocument.issuedOn })}</Alert>
        )}
        {draft && texts && (
          <Stack spacing={2}>
            {TEXT_FIELDS.map((f) => (
              <TextField
                key={f}
                label={t(`field_${f}`, LABELS[f])}
                value={texts[f] ?? ''}
                onChange={(e) => setTexts({ ...texts, [f]: e.target.value })}
                multiline={f !== 'title'}
                minRows={f === 'title' ? undefined : 3}
                disabled={!!draft.issuedDocument}
                fullWidth
              />
            ))}
            {!draft.issuedDocument && (
              <Box>
                <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
                  <Button variant="contained" disabled={busy} onClick={() => act(async () => keep(await saveDraft(draft, texts)))}>
                    {t('save', 'Lưu dự thảo')}
                  </Button>
                  <TextField size="small" label={t('number', 'Số (bỏ trống: số tiếp theo)')} value={number} onChange={(e) => setNumber(e.target.value)} />
                  <TextField size="small" type="date" label={t('issued_on', 'Ngày ban hành')} value={issuedOn} onChange={(e) => setIssuedOn(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} />
                  <Button variant="outlined" color="success" disabled={busy} onClick={() => act(async () => keep(await issueDraft(await saveDraft(draft, texts), number, issuedOn)))}>
                    {t('issue', 'Ban hành')}
                  </Button>
                </Stack>
                <Typography variant="caption">{t('issue_help', 'Ban hành lấy số tiếp theo của loại Báo cáo (BC) trong sổ văn bản và lưu báo cáo thành văn bản; sau đó không sửa được.')}</Typography>
              </Box>
            )}
          </Stack>
        )}
      </CardContent>
    </Card>
  );
};
