/**
 * A Party document (.docx) in the layout of Hướng dẫn 36-HD/VPTW: the issuing body's name block top left with its
 * superior above it, "*" and the number; "ĐẢNG CỘNG SẢN VIỆT NAM" top right with the place and date; the centred
 * bold title; the body; the signature block on the right and "Nơi nhận:" on the left. Times New Roman, A4, margins
 * top 20, right 15, left 30, bottom 20 mm.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  UnderlineType,
  VerticalAlign,
  WidthType,
} from 'docx';

/** The issuing body: "ĐẢNG BỘ HUYỆN GIỒNG TRÔM" above "ĐẢNG ỦY XÃ MỸ THẠNH", and "Số 12-BC/ĐU". */
export interface PartyIssuer {
  /** The superior body as of the document's date (upper case), or null at the top of the tree. */
  superior: string | null;
  /** The issuing body (upper case). */
  body: string;
  /** "Số 12-BC/ĐU"; a draft leaves the sequence blank ("Số     -BC/ĐU"). */
  number: string;
}

/** A block of text in the body. */
export type PartyTextBlock = { kind: 'heading'; text: string } | { kind: 'subheading'; text: string } | { kind: 'paragraph'; text: string };

export type PartyBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'subheading'; text: string }
  | { kind: 'paragraph'; text: string }
  /** A bordered table of figures: the header row in bold, then the rows (texts already formatted). */
  | { kind: 'table'; header: string[]; rows: string[][] };

export interface PartyDocument {
  issuer: PartyIssuer;
  /** "Mỹ Thạnh". */
  place: string;
  /** YYYY-MM-DD; null leaves day and month blank (a draft not yet signed). */
  date: string | null;
  /** "BÁO CÁO". */
  title: string;
  /** Lines under the title ("Sơ kết 01 năm thực hiện Chỉ thị số 05-CT/TW", ...). */
  subtitle: string[];
  body: PartyBlock[];
  signature: { onBehalf: string; position: string; name: string | null };
  recipients: string[];
}

/** Twips of a length in millimetres, rounded (docx's own helper truncates: A4 would lose a twip). */
const mm = (n: number) => Math.round((n * 1440) / 25.4);

const FONT = 'Times New Roman';
/** Half-points: 14 pt for the frame, 13 pt for the body (both allowed by the guide). */
const SIZE = 28;
const BODY_SIZE = 26;
const SMALL = 24;

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const NO_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER };

/** Day below 10 and months 1 and 2 take a leading zero (HD 36, so a date cannot be extended by hand). */
export function partyDateLine(place: string, isoDate: string | null): string {
  if (!isoDate) return `${place}, ngày     tháng     năm     `;
  const [y, m, d] = isoDate.split('-').map(Number);
  const day = d < 10 ? `0${d}` : String(d);
  const month = m <= 2 ? `0${m}` : String(m);
  return `${place}, ngày ${day} tháng ${month} năm ${y}`;
}

/** A count as Party reports write it: two digits under ten ("02 tập thể", "18 cá nhân"). */
export function countText(n: number): string {
  return n >= 0 && n < 10 ? `0${n}` : new Intl.NumberFormat('vi-VN').format(n);
}

function line(text: string, opts: { bold?: boolean; italics?: boolean; underline?: boolean; size?: number; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; after?: number } = {}): Paragraph {
  return new Paragraph({
    alignment: opts.align ?? AlignmentType.CENTER,
    spacing: { after: opts.after ?? 0 },
    children: [
      new TextRun({
        text: text.normalize('NFC'),
        font: FONT,
        size: opts.size ?? SIZE,
        bold: opts.bold,
        italics: opts.italics,
        underline: opts.underline ? { type: UnderlineType.SINGLE } : undefined,
      }),
    ],
  });
}

const cell = (children: Paragraph[], widthPct: number) =>
  new TableCell({ children, width: { size: widthPct, type: WidthType.PERCENTAGE }, borders: NO_BORDERS, verticalAlign: VerticalAlign.TOP });

function headerTable(doc: PartyDocument): Table {
  const left = [
    ...(doc.issuer.superior ? [line(doc.issuer.superior)] : []),
    line(doc.issuer.body, { bold: true }),
    line('*'),
    line(doc.issuer.number),
  ];
  const right = [line('ĐẢNG CỘNG SẢN VIỆT NAM', { bold: true, underline: true, after: 240 }), line(partyDateLine(doc.place, doc.date), { italics: true })];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [new TableRow({ children: [cell(left, 45), cell(right, 55)] })],
  });
}

function signatureTable(doc: PartyDocument): Table {
  const left = [
    line('Nơi nhận:', { underline: true, size: SMALL, align: AlignmentType.LEFT }),
    ...doc.recipients.map((r) => line(`- ${r}`, { size: SMALL - 2, align: AlignmentType.LEFT })),
  ];
  const right = [
    line(doc.signature.onBehalf, { bold: true }),
    line(doc.signature.position, { bold: true, after: 1200 }),
    line(doc.signature.name ?? '', { bold: true }),
  ];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [new TableRow({ children: [cell(left, 50), cell(right, 50)] })],
  });
}

function bodyTable(header: string[], rows: string[][]): Table {
  const tcell = (text: string, bold: boolean, first: boolean) =>
    new TableCell({
      children: [line(text, { bold, size: SMALL, align: first ? AlignmentType.LEFT : AlignmentType.CENTER })],
      verticalAlign: VerticalAlign.CENTER,
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [header, ...rows].map((r, i) => new TableRow({ tableHeader: i === 0, children: r.map((t, j) => tcell(t, i === 0, j === 0)) })),
  });
}

function bodyBlock(block: PartyBlock): Paragraph | Table {
  return block.kind === 'table' ? bodyTable(block.header, block.rows) : bodyParagraph(block);
}

function bodyParagraph(block: PartyTextBlock): Paragraph {
  const bold = block.kind !== 'paragraph';
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: mm(10) },
    spacing: { before: 60, after: 60, line: 288 },
    children: [new TextRun({ text: block.text.normalize('NFC'), font: FONT, size: BODY_SIZE, bold, italics: block.kind === 'subheading' })],
  });
}

/** The .docx bytes of a Party document. */
export async function buildPartyDocx(doc: PartyDocument): Promise<Buffer> {
  const children = [
    headerTable(doc),
    line('', { after: 240 }),
    line(doc.title, { bold: true, size: 30 }),
    ...doc.subtitle.map((s) => line(s, { bold: true })),
    line('-----', { after: 240 }),
    ...doc.body.map(bodyBlock),
    line('', { after: 240 }),
    signatureTable(doc),
  ];
  const document = new Document({
    creator: 'dangbo',
    title: [doc.title, ...doc.subtitle].join(' '),
    styles: { default: { document: { run: { font: FONT, size: SIZE } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(210), height: mm(297) },
            margin: {
              top: mm(20),
              right: mm(15),
              bottom: mm(20),
              left: mm(30),
            },
          },
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
