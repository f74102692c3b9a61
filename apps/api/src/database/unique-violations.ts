/**
 * Uniqueness lives in the database: every rule "at most one X per Y" is a unique index on the entity, so two
 * concurrent requests cannot both pass a service's pre-check and both write. The pre-checks stay (they answer the
 * usual case with a precise message); a violation that races past them is turned into CONFLICT here, with a message
 * that names the rule, never the row it collided with.
 */
import { EntityMetadata } from 'typeorm';
import { ConflictError } from '../core/errors';

/** Rules by table and indexed columns, as declared by the entities' unique @Index. */
const RULES: Record<string, { field: string; message: string }> = {
  'app_user(username)': { field: 'username', message: 'Tên đăng nhập này đã có người dùng' },
  'role_grant(userId,role,unitId)': { field: 'role', message: 'Tài khoản đã có vai trò này ở đơn vị này' },
  'rating_period(unitId,year,quarter)': { field: 'year', message: 'Đơn vị đã có kỳ đánh giá này' },
  'criterion(setId,code)': { field: 'code', message: 'Mã này đã dùng cho tiêu chí khác trong bộ này' },
  'criteria_set(publishedUnitId,periodId,subjectKind)': {
    field: 'status',
    message: 'Đơn vị vừa ban hành một bộ tiêu chí khác cho kỳ và đối tượng này; hãy tải lại rồi thử lại',
  },
  'member(cardNumber)': { field: 'cardNumber', message: 'Số thẻ đảng viên này đã thuộc về đảng viên khác' },
  'member(citizenId)': { field: 'citizenId', message: 'Số CCCD này đã thuộc về đảng viên khác' },
  'study_registration(memberId,year)': { field: 'year', message: 'Đảng viên đã có bản đăng ký học tập năm này' },
  'study_entry(registrationId,month)': { field: 'month', message: 'Bản đăng ký đã có kết quả tháng này' },
  'document(uniqueKey)': { field: 'number', message: 'Văn bản cùng số, loại, cơ quan ban hành và khóa đã có trong sổ văn bản' },
  'document_recipient(documentId,unitId)': { field: 'unitId', message: 'Văn bản đã được gửi đến đơn vị này' },
  'attendance(activityId,memberId)': { field: 'memberId', message: 'Đảng viên đã được điểm danh ở hoạt động này' },
};

interface DriverError {
  errno?: number;
  code?: string;
  sqlMessage?: string;
  driverError?: DriverError;
}

/** The unique index a server message names: "… for key 'IDX_x'" (MariaDB) or "… for key 'table.IDX_x'" (MySQL 8). */
function indexNameOf(sqlMessage: string | undefined): string | undefined {
  return /for key '(?:[^'.]*\.)?([^'.]+)'/.exec(sqlMessage ?? '')?.[1];
}

/**
 * CONFLICT for a duplicate-key error (ER_DUP_ENTRY, 1062) of MariaDB or MySQL, null for anything else. The duplicate
 * value in the server's message is never passed on: it may belong to a record the caller cannot read.
 */
export function conflictOfUniqueViolation(error: unknown, entities: readonly EntityMetadata[]): ConflictError | null {
  const e = error as DriverError | null;
  const driver = e?.driverError ?? e;
  if (!driver || (driver.errno !== 1062 && driver.code !== 'ER_DUP_ENTRY')) return null;
  const name = indexNameOf(driver.sqlMessage);
  for (const entity of entities) {
    const index = entity.indices.find((i) => i.isUnique && i.name === name);
    if (!index) continue;
    const rule = RULES[`${entity.tableName}(${index.columns.map((c) => c.databaseName).join(',')})`];
    if (rule) return new ConflictError(rule.message, { field: rule.field, reason: 'DUPLICATE' });
  }
  return new ConflictError('Dữ liệu trùng với một bản ghi đã có; hãy tải lại rồi thử lại', { reason: 'DUPLICATE' });
}
