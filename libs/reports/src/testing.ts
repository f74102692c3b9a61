/** Test helper: the visible text of a .docx (its word/document.xml paragraphs, one line each). */
import { entryStream, zipEntries } from './zip';

export async function docxText(buf: Buffer): Promise<string> {
  const entry = zipEntries(buf)?.find((e) => e.name === 'word/document.xml');
  if (!entry) throw new Error('not a .docx: no word/document.xml');
  const chunks: Buffer[] = [];
  for await (const c of entryStream(buf, entry)) chunks.push(c as Buffer);
  const xml = Buffer.concat(chunks).toString('utf8');
  return xml
    .split(/<\/w:p>/)
    .map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1])).join(''))
    .filter((l) => l.length > 0)
    .join('\n');
}

/** The raw word/document.xml (for checks of formatting: bold, underline, fonts, margins). */
export async function docxXml(buf: Buffer): Promise<string> {
  const entry = zipEntries(buf)?.find((e) => e.name === 'word/document.xml');
  if (!entry) throw new Error('not a .docx: no word/document.xml');
  const chunks: Buffer[] = [];
  for await (const c of entryStream(buf, entry)) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
