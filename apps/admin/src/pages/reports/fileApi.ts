/**
 * The API's file routes (reports, list exports, the member import) beside /graphql, with the session's token:
 * downloads go through fetch (a plain link would carry no bearer token) and are saved under the server's file name.
 */
import { GRAPHQL_URL } from '../../config';
import { authHeaders } from '../../providers/authProvider';

/** The API's origin and prefix: /graphql's URL without /graphql. */
export const API_BASE = GRAPHQL_URL.replace(/\/graphql\/?$/, '');

/** The file name of a Content-Disposition header (the UTF-8 one when given). */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (utf8) {
    try {
      return decodeURIComponent(utf8);
    } catch {
      // fall through to the ASCII name
    }
  }
  return /filename="?([^";]+)"?/i.exec(disposition)?.[1] ?? fallback;
}

/** The message of a refused file request (`{ error: { message } }`), else a generic one. */
async function refusal(res: Response): Promise<Error> {
  const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
  return new Error(body?.error?.message ?? `Lỗi ${res.status}`);
}

export async function downloadFile(path: string, fallbackName: string): Promise<string> {
  const res = await fetch(`${API_BASE}${path}`, { headers: authHeaders() });
  if (!res.ok) throw await refusal(res);
  const name = fileNameOf(res.headers.get('content-disposition'), fallbackName);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}

/** react-admin resource → export route. Evaluations will join when the rating lists exist. */
export const EXPORT_RESOURCES: Record<string, string> = { Member: 'members', OrgUnit: 'units', Document: 'documents', Activity: 'activities', Evaluation: 'evaluations' };

export function exportPath(resource: string, params: { filter: Record<string, unknown>; sort?: { field: string; order: string }; columns?: string[] }): string {
  const q = new URLSearchParams();
  const filter = Object.fromEntries(Object.entries(params.filter).filter(([, v]) => v !== undefined && v !== null && v !== ''));
  if (Object.keys(filter).length) q.set('filter', JSON.stringify(filter));
  if (params.sort?.field) {
    q.set('sort', params.sort.field);
    q.set('order', params.sort.order);
  }
  if (params.columns?.length) q.set('columns', params.columns.join(','));
  return `/exports/${EXPORT_RESOURCES[resource]}.xlsx?${q}`;
}

export interface ImportProblem {
  row: number;
  column: string | null;
  field: string | null;
  message: string;
}

export interface ImportAnswer {
  dryRun: boolean;
  committed: boolean;
  fileName: string;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  problems: ImportProblem[];
}

/** Uploads the file with progress (XMLHttpRequest reports upload progress; fetch does not). */
export function uploadMembers(file: File, dryRun: boolean, onProgress: (fraction: number) => void): Promise<ImportAnswer> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${API_BASE}/imports/members?dryRun=${dryRun ? 1 : 0}`);
    for (const [k, v] of Object.entries(authHeaders())) xhr.setRequestHeader(k, v);
    xhr.setRequestHeader('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    xhr.setRequestHeader('x-file-name', encodeURIComponent(file.name));
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onerror = () => reject(new Error('Mất kết nối tới máy chủ'));
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // not JSON: reported below
      }
      const answer = body as ImportAnswer & { error?: { message?: string } };
      if (answer && Array.isArray(answer.problems)) resolve(answer);
      else reject(new Error(answer?.error?.message ?? `Lỗi ${xhr.status}`));
    };
    xhr.send(file);
  });
}
