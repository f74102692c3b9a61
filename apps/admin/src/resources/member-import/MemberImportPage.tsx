/**
 * Importing members from .xlsx: download the template, choose the file, run the check (every problem with its row
 * and column), then import: all rows or none. A bar shows the upload, then the server's work.
 */
import DownloadIcon from '@mui/icons-material/Download';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Alert, Box, Button, Card, CardContent, LinearProgress, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import { Title, useNotify, useTranslate } from 'react-admin';
import { downloadFile, uploadMembers, type ImportAnswer } from '../../pages/reports/fileApi';

type Phase = { kind: 'idle' } | { kind: 'uploading'; fraction: number } | { kind: 'processing' };

export const MemberImportPage = () => {
  const translate = useTranslate();
  const t = (key: string, _: string, args: object = {}) => translate(`app.member_import.${key}`, { _, ...args });
  const notify = useNotify();
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [answer, setAnswer] = useState<ImportAnswer | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setRefusal(null);
    setPhase({ kind: 'uploading', fraction: 0 });
    try {
      const result = await uploadMembers(file, dryRun, (fraction) => setPhase(fraction < 1 ? { kind: 'uploading', fraction } : { kind: 'processing' }));
      setAnswer(result);
      if (result.committed) notify(t('done', 'Đã nhập: %{created} mới, %{updated} cập nhật, %{unchanged} không đổi', result), { type: 'success' });
    } catch (e) {
      setAnswer(null);
      setRefusal((e as Error).message);
    } finally {
      setPhase({ kind: 'idle' });
    }
  };
  const busy = phase.kind !== 'idle';
  const clean = answer && answer.dryRun && answer.problems.length === 0 && answer.rows > 0;

  return (
    <Card sx={{ mt: 2 }}>
      <Title title={t('title', 'Nhập đảng viên từ Excel')} />
      <CardContent>
        <Stack spacing={2}>
          <Typography variant="body2">
            {t('help', 'Dùng tệp mẫu; dòng có số thẻ đảng viên hoặc số CCCD đã có sẽ cập nhật đảng viên đó. Tối đa 20.000 dòng, 10 MB. Có lỗi thì không dòng nào được nhập.')}
          </Typography>
          <Box>
            <Button startIcon={<DownloadIcon />} onClick={() => downloadFile('/imports/members/template.xlsx', 'Mau nhap dang vien.xlsx').catch((e) => notify(e.message, { type: 'error' }))}>
              {t('template', 'Tải tệp mẫu')}
            </Button>
          </Box>
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
            <Button component="label" variant="outlined" startIcon={<UploadFileIcon />} disabled={busy}>
              {t('choose', 'Chọn tệp .xlsx')}
              <input
                hidden
                type="file"
                accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                aria-label={t('file', 'Tệp Excel')}
                onChange={(e) => {
                  setFile(e.target.files?.[0] ?? null);
                  setAnswer(null);
                  setRefusal(null);
                }}
              />
            </Button>
            <Typography>{file?.name ?? ''}</Typography>
          </Stack>
          <Stack direction="row" spacing={2}>
            <Button variant="contained" disabled={!file || busy} onClick={() => run(true)}>
              {t('check', 'Kiểm tra')}
            </Button>
            <Button variant="contained" color="success" disabled={!clean || busy} onClick={() => run(false)}>
              {t('commit', 'Nhập vào hệ thống')}
            </Button>
          </Stack>
          {phase.kind === 'uploading' && <LinearProgress variant="determinate" value={Math.round(phase.fraction * 100)} aria-label={t('uploading', 'Đang tải lên')} />}
          {phase.kind === 'processing' && <LinearProgress aria-label={t('processing', 'Đang xử lý')} />}
          {refusal && <Alert severity="error">{refusal}</Alert>}
          {answer && (
            <Alert severity={answer.problems.length ? 'warning' : 'success'}>
              {answer.problems.length
                ? t('problems', 'Có %{count} lỗi trong %{rows} dòng: chưa nhập dòng nào', { count: answer.problems.length, rows: answer.rows })
                : t('summary', '%{rows} dòng: %{created} mới, %{updated} cập nhật, %{unchanged} không đổi', answer)}
            </Alert>
          )}
          {answer && answer.problems.length > 0 && (
            <Table size="small" aria-label={t('problem_list', 'Danh sách lỗi')}>
              <TableHead>
                <TableRow>
                  <TableCell>{t('row', 'Dòng')}</TableCell>
                  <TableCell>{t('column', 'Cột')}</TableCell>
                  <TableCell>{t('message', 'Lỗi')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {answer.problems.slice(0, 1000).map((p, i) => (
                  <TableRow key={i}>
                    <TableCell>{p.row}</TableCell>
                    <TableCell>{p.column ?? ''}</TableCell>
                    <TableCell>{p.message}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </Stack>
      </CardContent>
    </Card>
  );
};
