/**
 * The document register: numbers parsed and stored in their canonical spelling, the full type name chosen where the
 * code is ambiguous, one document per issuer, term, type and number (also when typed without Đ), `implements`
 * without cycles, dissemination to units, scope (a cell reads what was sent to it, and the sender only as a stub),
 * and an audit entry per write. Every refusal names its field, speaks Vietnamese and writes nothing.
 *
 * It runs on the demo data (demo-directive.seed.ts): Directive 05-CT/TW (khóa XII) is already registered, with
 * 58-CV/ĐU and 38-KH/ĐU (nhiệm kỳ 2015–2020, both sent to all 13 cells) and 124-CV/BTGHU implementing it. The spec
 * starts from that directive, writes documents under numbers of its own, and takes what the seed holds as the
 * baseline of every list and count it checks. The clerk (xa.mythanh) writes for Mỹ Tân Hưng, the commune Mỹ Thạnh
 * became part of on 2025-07-01 (nhiệm kỳ 2025–2030); Mỹ Thạnh's own register is history it reads, not writes.
 */
import { DOCUMENT, MY_THANH_CELLS, NEIGHBOUR_COMMUNES, UNIT } from '../src/database/seeds/demo.constants';
import { dataOf, errorOf, startTestApi, TestApi } from './support/harness';

let api: TestApi;
let xa = '';
let bithu = '';
/** The seeded directive 05-CT/TW (khóa XII). */
const directiveId = DOCUMENT.CT_05;
/** 03-CT/TW (khóa XI), recorded through the API with a loose spelling. */
let earlierDirectiveId = 0;
/** The clerk's commune: Mỹ Tân Hưng, which Mỹ Thạnh became part of on 2025-07-01. */
const OURS = UNIT.COMMUNE_MY_TAN_HUNG;
/** Its cells today: Mỹ Thạnh's 13 and its neighbours' 4. */
const OUR_CELLS = [...MY_THANH_CELLS.map((c) => c.id as number), ...NEIGHBOUR_COMMUNES.flatMap((n) => n.cells.map((_c, i) => n.id * 10 + i + 1))];
/** 61-CV/ĐU, the commune's letter recorded through the API, implementing the directive. */
let letterId = 0;
/** The last audit entry before this spec wrote anything. */
let auditFrom = 0;
/** Numbers of the documents that implement the directive in the seed, read straight from the table. */
let seededImplementers: string[] = [];
/** Numbers of the documents the first cell reads in the seed: kept by it, or sent to it. */
let seededForCell: { id: number; number: string }[] = [];

const CELL = MY_THANH_CELLS[0];
const DOC_FIELDS = 'id number sequence typeCode typeName issuerUnitId issuerName issuerCode ownerUnitId term issuedOn title implementsId version';
const count = async (table: string) => Number((await api.dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
const byNumber = <T extends { number: string }>(rows: T[]) => [...rows].sort((a, b) => (a.number < b.number ? -1 : a.number > b.number ? 1 : 0));

async function createDocument(args: Record<string, unknown>, token = xa) {
  return api.gql(
    `mutation($number: String!, $issuedOn: String!, $title: String!, $typeName: String, $issuerUnitId: ID, $issuerName: String, $issuerCode: String,
              $ownerUnitId: ID, $term: String, $implementsId: ID, $summary: String) {
       createDocument(number: $number, issuedOn: $issuedOn, title: $title, typeName: $typeName, issuerUnitId: $issuerUnitId, issuerName: $issuerName,
                      issuerCode: $issuerCode, ownerUnitId: $ownerUnitId, term: $term, implementsId: $implementsId, summary: $summary) { ${DOC_FIELDS} } }`,
    args,
    token,
  );
}

beforeAll(async () => {
  api = await startTestApi();
  xa = await api.login('xa.mythanh');
  bithu = await api.login('bithu.bendo');
  const ds = api.dataSource;
  auditFrom = Number((await ds.query('SELECT COALESCE(MAX(id), 0) AS n FROM audit_entry'))[0].n);
  seededImplementers = (await ds.query('SELECT number FROM document WHERE implementsId = ? ORDER BY id', [directiveId])).map((r: { number: string }) => r.number);
  seededForCell = (
    await ds.query(
      'SELECT d.id, d.number FROM document d WHERE d.ownerUnitId = ? OR EXISTS (SELECT 1 FROM document_recipient r WHERE r.documentId = d.id AND r.unitId = ?)',
      [CELL.id, CELL.id],
    )
  ).map((r: { id: number; number: string }) => ({ id: Number(r.id), number: r.number }));

  const earlier = dataOf(
    await createDocument({
      number: 'Số 03 - CT/TW',
      issuedOn: '2011-05-14',
      title: 'Về tiếp tục đẩy mạnh việc học tập và làm theo tấm gương đạo đức Hồ Chí Minh',
      issuerName: 'Bộ Chính trị',
      issuerCode: 'TW',
      ownerUnitId: OURS,
      term: 'xi',
    }),
  ).createDocument;
  earlierDirectiveId = Number(earlier.id);
  const letter = dataOf(
    await createDocument({ number: '61-CV/ĐU', issuedOn: '2025-08-20', title: 'Triển khai Chỉ thị 05-CT/TW', issuerUnitId: OURS, implementsId: directiveId }),
  ).createDocument;
  letterId = Number(letter.id);
});
afterAll(() => api.close());

describe('numbers, types and issuers', () => {
  it('stores the canonical number, its parts, the only type name of CT and an upper-case term', async () => {
    const doc = dataOf(await api.gql(`{ Document(id: ${earlierDirectiveId}) { ${DOC_FIELDS} } }`, {}, xa)).Document;
    expect(doc).toMatchObject({ number: '03-CT/TW', sequence: '03', typeCode: 'CT', typeName: 'Chỉ thị', issuerUnitId: null, issuerName: 'Bộ Chính trị', issuerCode: 'TW', term: 'XI' });
    // The seeded directive reads the same way the API would have stored it.
    const seeded = dataOf(await api.gql(`{ Document(id: ${directiveId}) { ${DOC_FIELDS} } }`, {}, xa)).Document;
    expect(seeded).toMatchObject({ number: '05-CT/TW', sequence: '05', typeCode: 'CT', typeName: 'Chỉ thị', issuerUnitId: null, issuerName: 'Bộ Chính trị', issuerCode: 'TW', term: 'XII' });
  });

  it("an issuer of ours is named as it was when the document was recorded, and keeps that name after a renaming", async () => {
    const before = dataOf(await api.gql(`{ Document(id: ${letterId}) { issuerName ownerUnitId implementsId typeName } }`, {}, xa)).Document;
    expect(before).toEqual({ issuerName: 'Đảng ủy xã Mỹ Tân Hưng', ownerUnitId: String(OURS), implementsId: String(directiveId), typeName: 'Công văn' });
    dataOf(await api.gql(`mutation { updateOrgUnit(id: ${OURS}, shortName: "Đảng ủy xã Mỹ Tân Hưng (mới)") { id } }`));
    dataOf(await api.gql(`mutation { updateDocument(id: ${letterId}, title: "Triển khai Chỉ thị 05-CT/TW của Bộ Chính trị") { id } }`, {}, xa));
    const after = dataOf(await api.gql(`{ Document(id: ${letterId}) { issuerName title } }`, {}, xa)).Document;
    expect(after).toEqual({ issuerName: 'Đảng ủy xã Mỹ Tân Hưng', title: 'Triển khai Chỉ thị 05-CT/TW của Bộ Chính trị' });
    dataOf(await api.gql(`mutation { updateOrgUnit(id: ${OURS}, shortName: "Đảng ủy xã Mỹ Tân Hưng") { id } }`));
  });

  it('QĐ needs the user to choose Quy định or Quyết định; a name that does not fit the code is refused; 366-QD/TW reads as 366-QĐ/TW', async () => {
    const before = await count('document');
    const unchosen = errorOf(await createDocument({ number: '366-QD/TW', issuedOn: '2025-08-28', title: 'Về kiểm điểm, đánh giá, xếp loại chất lượng', issuerName: 'Bộ Chính trị', ownerUnitId: OURS }));
    expect(unchosen).toMatchObject({ code: 'BAD_USER_INPUT', field: 'typeName' });
    expect(unchosen.message).toContain('Quy định hoặc Quyết định');
    const wrong = errorOf(await createDocument({ number: '366-QD/TW', issuedOn: '2025-08-28', title: 'Quy định 366', typeName: 'Chỉ thị', issuerName: 'Bộ Chính trị', ownerUnitId: OURS }));
    expect(wrong).toMatchObject({ code: 'BAD_USER_INPUT', field: 'typeName' });
    expect(wrong.message).toContain('không khớp mã QĐ');
    expect(await count('document')).toBe(before);
    const chosen = dataOf(await createDocument({ number: '366-QD/TW', issuedOn: '2025-08-28', title: 'Quy định 366', typeName: 'quy định', issuerName: 'Bộ Chính trị', ownerUnitId: OURS })).createDocument;
    expect(chosen).toMatchObject({ number: '366-QĐ/TW', typeCode: 'QĐ', typeName: 'Quy định' });
  });

  it('a number that does not parse is refused on `number`, and nothing is written', async () => {
    const before = await count('document');
    const e = errorOf(await createDocument({ number: 'công văn năm mươi tám', issuedOn: '2016-06-13', title: 'x', issuerUnitId: OURS }));
    expect(e).toMatchObject({ code: 'BAD_USER_INPUT', field: 'number' });
    expect(e.message).toContain('không đúng dạng');
    expect(await count('document')).toBe(before);
  });

  it('an outside issuer code that contradicts the number is refused on issuerCode, and nothing is written', async () => {
    const before = await count('document');
    const e = errorOf(await createDocument({ number: '131-CV/BTGHU', issuedOn: '2017-03-02', title: 'Báo cáo sơ kết', issuerName: 'Ban Tuyên giáo Huyện ủy', issuerCode: 'HU', ownerUnitId: OURS }));
    expect(e).toMatchObject({ code: 'BAD_USER_INPUT', field: 'issuerCode' });
    expect(e.message).toContain('không khớp số văn bản 131-CV/BTGHU');
    expect(await count('document')).toBe(before);
  });
});

describe('one document per issuer, term, type and number', () => {
  it('a letter typed without Đ is the same letter of the same issuer (ours and the seeded one): CONFLICT on number, nothing written', async () => {
    const before = await count('document');
    const e = errorOf(await createDocument({ number: '61-CV/DU', issuedOn: '2025-08-21', title: 'Bản nhập lại', issuerUnitId: OURS }));
    expect(e).toMatchObject({ code: 'CONFLICT', field: 'number' });
    expect(e.message).toContain('61-CV/ĐU');
    expect(e.message).toContain('đã có trong sổ văn bản');
    // Mỹ Thạnh's seeded letter: its register is written by the level above since it ended (2025-06-30).
    const seededArgs = { number: '58-CV/DU', issuedOn: '2016-06-14', title: 'Bản nhập lại', issuerUnitId: UNIT.COMMUNE_MY_THANH, term: '2015–2020' };
    expect(errorOf(await createDocument(seededArgs)).code).toBe('FORBIDDEN');
    const seeded = errorOf(await createDocument(seededArgs, await api.login('admin')));
    expect(seeded).toMatchObject({ code: 'CONFLICT', field: 'number' });
    expect(seeded.message).toContain('58-CV/ĐU');
    expect(seeded.message).toContain('đã có trong sổ văn bản');
    expect(await count('document')).toBe(before);
  });

  it('the directive typed "5-ct/tw" in the same term is a duplicate; in another term it is a different document', async () => {
    const before = await count('document');
    const dup = errorOf(await createDocument({ number: '5-ct/tw', issuedOn: '2016-05-15', title: 'Chỉ thị 05', issuerName: 'Bộ Chính trị', ownerUnitId: OURS, term: 'XII' }));
    expect(dup).toMatchObject({ code: 'CONFLICT', field: 'number' });
    expect(dup.message).toContain('đã có trong sổ văn bản');
    expect(await count('document')).toBe(before);
    const other = dataOf(await createDocument({ number: '05-CT/TW', issuedOn: '2011-11-14', title: 'Chỉ thị 05 khóa XI', issuerName: 'Bộ Chính trị', ownerUnitId: OURS, term: 'XI' })).createDocument;
    expect(other).toMatchObject({ number: '05-CT/TW', term: 'XI' });
    expect(Number(other.id)).not.toBe(directiveId);
  });

  it('the unique index holds against a write that skips the service check: the duplicate key is refused by the database', async () => {
    const [row] = await api.dataSource.query('SELECT uniqueKey FROM document WHERE id = ?', [letterId]);
    await expect(
      api.dataSource.query(
        "INSERT INTO document (number, sequence, typeCode, typeName, issuerName, issuerCode, ownerUnitId, issuedOn, title, uniqueKey, version) VALUES ('61-CV/ĐU', '61', 'CV', 'Công văn', 'x', 'ĐU', ?, '2025-08-20', 'x', ?, 1)",
        [OURS, row.uniqueKey],
      ),
    ).rejects.toThrow(/Duplicate/);
  });
});

describe('implements', () => {
  it('a document cannot come to implement what implements it (no cycle): BAD_USER_INPUT on implementsId, unchanged', async () => {
    const DIRECTIVE = `{ Document(id: ${directiveId}) { implementsId version } }`;
    const before = dataOf(await api.gql(DIRECTIVE, {}, xa)).Document;
    const makeCycle = `mutation { updateDocument(id: ${directiveId}, implementsId: ${letterId}) { id } }`;
    // The directive is in Mỹ Thạnh's register (history since 2025-06-30): only the level above may change it, and not into a cycle.
    expect(errorOf(await api.gql(makeCycle, {}, xa)).code).toBe('FORBIDDEN');
    const e = errorOf(await api.gql(makeCycle, {}, await api.login('admin')));
    expect(e).toMatchObject({ code: 'BAD_USER_INPUT', field: 'implementsId' });
    expect(e.message).toContain('vòng');
    expect(dataOf(await api.gql(DIRECTIVE, {}, xa)).Document).toEqual(before);
    expect(before.implementsId).toBeNull();
    const plan = dataOf(await createDocument({ number: '40-KH/ĐU', issuedOn: '2025-09-20', title: 'Kế hoạch', issuerUnitId: OURS, implementsId: directiveId })).createDocument;
    expect(plan.typeName).toBe('Kế hoạch');
    const list = dataOf(await api.gql(`{ allDocuments(filter: { implementsId: ${directiveId} }, sortField: "number", perPage: 100) { number implementsDocument { number } } }`, {}, xa)).allDocuments;
    // The seed's implementers (58-CV/ĐU, 38-KH/ĐU, 124-CV/BTGHU) and the two recorded here; nothing else.
    expect(seededImplementers).toHaveLength(3);
    expect(byNumber(list)).toEqual(byNumber([...seededImplementers, '61-CV/ĐU', '40-KH/ĐU'].map((number) => ({ number, implementsDocument: { number: '05-CT/TW' } }))));
  });
});

describe('dissemination and scope', () => {
  const commune = { id: String(OURS), kind: 'COMMUNE_COMMITTEE', name: 'Đảng bộ xã Mỹ Tân Hưng', shortName: null, parentId: null, memberCount: null };
  const CELL_VIEW = `{ allDocuments(perPage: 100) { id number recipientCount recipients { unitId } issuer { id kind name shortName parentId memberCount } } _allDocumentsMeta { count } }`;
  /** What the cell must see of a letter the commune sent it: its own receipt only, and the commune as a stub. */
  const asCellSeesIt = (number: string, issuer = commune) => ({ number, recipientCount: 1, recipients: [{ unitId: String(CELL.id) }], issuer });
  /** Mỹ Thạnh, which sent the seeded letters in 2016, as the cell sees it. */
  const myThanh = { id: String(UNIT.COMMUNE_MY_THANH), kind: 'COMMUNE_COMMITTEE', name: 'Đảng bộ xã Mỹ Thạnh', shortName: null, parentId: null, memberCount: null };

  it('the commune sends the letter to its 17 cells; a cell then reads it, sees only its own receipt, and the commune only as a stub', async () => {
    // Before: the cell reads exactly what the seed sent to it (58-CV/ĐU and 38-KH/ĐU), not the new letter.
    expect(seededForCell.map((d) => d.id).sort((a, b) => a - b)).toEqual([DOCUMENT.CV_58, DOCUMENT.KH_38]);
    const unsent = dataOf(await api.gql(CELL_VIEW, {}, bithu));
    expect(byNumber(unsent.allDocuments).map((d: { number: string }) => d.number)).toEqual(byNumber(seededForCell).map((d) => d.number));
    expect(unsent._allDocumentsMeta.count).toBe(seededForCell.length);
    expect(errorOf(await api.gql(`{ Document(id: ${letterId}) { id } }`, {}, bithu)).code).toBe('NOT_FOUND');

    for (const cell of OUR_CELLS) {
      dataOf(await api.gql(`mutation { createDocumentRecipient(documentId: ${letterId}, unitId: ${cell}, sentOn: "2025-08-21") { id } }`, {}, xa));
    }
    const mine = dataOf(await api.gql(`{ Document(id: ${letterId}) { recipientCount } }`, {}, xa)).Document;
    expect(mine.recipientCount).toBe(17);
    const seen = dataOf(await api.gql(CELL_VIEW, {}, bithu));
    const rows = seen.allDocuments.map(({ id: _id, ...rest }: { id: string }) => rest);
    expect(byNumber(rows)).toEqual(byNumber([...seededForCell.map((d) => asCellSeesIt(d.number, myThanh)), asCellSeesIt('61-CV/ĐU')]));
    expect(seen._allDocumentsMeta.count).toBe(seededForCell.length + 1);
    // The directive itself was not sent to the cell.
    expect(errorOf(await api.gql(`{ Document(id: ${directiveId}) { id } }`, {}, bithu)).code).toBe('NOT_FOUND');
  });

  it('sending the same letter twice to a cell is a CONFLICT on unitId, and nothing is added', async () => {
    const before = await count('document_recipient');
    const e = errorOf(await api.gql(`mutation { createDocumentRecipient(documentId: ${letterId}, unitId: ${CELL.id}, sentOn: "2025-08-22") { id } }`, {}, xa));
    expect(e).toMatchObject({ code: 'CONFLICT', field: 'unitId' });
    // Mỹ Thạnh's seeded letter, sent by the level above (the commune's register is history): the same CONFLICT.
    const seeded = errorOf(await api.gql(`mutation { createDocumentRecipient(documentId: ${DOCUMENT.CV_58}, unitId: ${CELL.id}, sentOn: "2016-06-21") { id } }`, {}, await api.login('admin')));
    expect(seeded).toMatchObject({ code: 'CONFLICT', field: 'unitId' });
    expect(await count('document_recipient')).toBe(before);
  });

  it('a record for a unit out of scope is refused on the field that names it; a record of another commune reads as not found', async () => {
    const before = await count('document');
    const e = errorOf(await createDocument({ number: '12-CV/ĐU', issuedOn: '2016-06-13', title: 'x', issuerUnitId: UNIT.COMMUNE_LUONG_HOA }));
    expect(e).toMatchObject({ code: 'BAD_USER_INPUT', field: 'issuerUnitId' });
    expect(await count('document')).toBe(before);
    const theirs = dataOf(await createDocument({ number: '12-CV/ĐU', issuedOn: '2016-06-13', title: 'Lương Hòa', issuerUnitId: UNIT.COMMUNE_LUONG_HOA }, await api.login('admin'))).createDocument;
    expect(errorOf(await api.gql(`{ Document(id: ${theirs.id}) { id } }`, {}, xa)).code).toBe('NOT_FOUND');
    expect(errorOf(await api.gql(`mutation { updateDocument(id: ${theirs.id}, title: "đổi") { id } }`, {}, xa)).code).toBe('NOT_FOUND');
    expect(errorOf(await api.gql(`mutation { deleteDocument(id: ${theirs.id}) { id } }`, {}, xa)).code).toBe('NOT_FOUND');
    const sent = await count('document_recipient');
    const send = errorOf(await api.gql(`mutation { createDocumentRecipient(documentId: ${letterId}, unitId: ${UNIT.COMMUNE_LUONG_HOA * 10 + 1}, sentOn: "2025-08-21") { id } }`, {}, xa));
    expect(send).toMatchObject({ code: 'BAD_USER_INPUT', field: 'unitId' });
    expect(await count('document_recipient')).toBe(sent);
  });

  it('a cell secretary may read but not write documents (FORBIDDEN)', async () => {
    const before = await count('document');
    const e = errorOf(await createDocument({ number: '01-CV/CB', issuedOn: '2016-07-01', title: 'x', issuerUnitId: CELL.id }, bithu));
    expect(e.code).toBe('FORBIDDEN');
    expect(await count('document')).toBe(before);
  });
});

describe('audit', () => {
  it('every write of a document or a receipt leaves one audit entry with its unit', async () => {
    const rows: { operation: string; unitId: number; n: number }[] = await api.dataSource.query(
      "SELECT operation, unitId, COUNT(*) AS n FROM audit_entry WHERE id > ? AND entity IN ('Document', 'DocumentRecipient') GROUP BY operation, unitId",
      [auditFrom],
    );
    const byOp = Object.fromEntries(rows.map((r) => [`${r.operation}@${r.unitId}`, Number(r.n)]));
    // 03-CT/TW, 61-CV/ĐU, 366-QĐ/TW, 05-CT/TW (XI), 40-KH/ĐU by the commune, 12-CV/ĐU by Lương Hòa; the 17 receipts;
    // the one title edit. The refused attempts left none.
    expect(byOp).toEqual({
      [`createDocument@${OURS}`]: 5,
      [`createDocument@${UNIT.COMMUNE_LUONG_HOA}`]: 1,
      [`createDocumentRecipient@${OURS}`]: 17,
      [`updateDocument@${OURS}`]: 1,
    });
  });
});
