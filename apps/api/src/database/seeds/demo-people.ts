/**
 * Invented people with plausible Vietnamese names and consistent dates, from a seeded PRNG: the same seed gives
 * the same people on every machine. No real person is described.
 */
import { Gender, MemberStatus } from '@dangbo/shared-types';

export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FAMILIES = ['Nguyễn', 'Nguyễn', 'Nguyễn', 'Trần', 'Trần', 'Lê', 'Lê', 'Phạm', 'Huỳnh', 'Võ', 'Phan', 'Trương', 'Bùi', 'Đặng', 'Đỗ', 'Ngô', 'Hồ', 'Dương', 'Đoàn', 'Lý', 'Châu', 'Mai'];
const MIDDLES = {
  MALE: ['Văn', 'Văn', 'Văn', 'Minh', 'Hữu', 'Thanh', 'Quốc', 'Công', 'Đức', 'Ngọc', 'Hoàng', 'Tấn'],
  FEMALE: ['Thị', 'Thị', 'Thị', 'Ngọc', 'Thanh', 'Kim', 'Mỹ', 'Bích', 'Thu', 'Hồng'],
};
const GIVENS = {
  MALE: ['Hùng', 'Dũng', 'Đức', 'Tuấn', 'Hải', 'Phước', 'Lộc', 'Tài', 'Hòa', 'Bình', 'An', 'Anh', 'Sơn', 'Thành', 'Tâm', 'Nghĩa', 'Khánh', 'Long', 'Trí', 'Tín', 'Việt', 'Hậu', 'Nhân', 'Thắng', 'Duy', 'Ơn', 'Ổn', 'Ẩn', 'Em'],
  FEMALE: ['Lan', 'Hoa', 'Mai', 'Hương', 'Hạnh', 'Thủy', 'Ánh', 'Ân', 'Nga', 'Thảo', 'Trinh', 'Yến', 'Loan', 'Hằng', 'Phượng', 'Diễm', 'Ngân', 'Oanh', 'Uyên', 'Ưng', 'Ăn', 'Ánh'],
};

export interface DemoPerson {
  id: number;
  fullName: string;
  gender: Gender;
  birthDate: string;
  admittedOn: string;
  officialOn: string | null;
  status: MemberStatus;
  cardNumber: string;
  recordNumber: string;
  citizenId: string;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const isoDate = (y: number, m: number, d: number) => `${y}-${pad(m, 2)}-${pad(d, 2)}`;

/** Adds whole years to an ISO date (Feb 29 falls back to Feb 28). */
export function addYears(iso: string, years: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  return isoDate(y + years, m, m === 2 && d === 29 ? 28 : d);
}

export function makePerson(
  id: number,
  random: () => number,
  options: { admittedBefore: string; fixedName?: { fullName: string; gender: Gender } },
): DemoPerson {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const gender = options.fixedName?.gender ?? (random() < 0.62 ? Gender.MALE : Gender.FEMALE);
  const fullName = options.fixedName?.fullName ?? `${pick(FAMILIES)} ${pick(MIDDLES[gender])} ${pick(GIVENS[gender])}`;
  const latestYear = Number(options.admittedBefore.slice(0, 4)) - 1;
  const birthYear = 1940 + Math.floor(random() * (latestYear - 18 - 1940));
  const birthDate = isoDate(birthYear, 1 + Math.floor(random() * 12), 1 + Math.floor(random() * 28));
  const admittedYear = Math.min(latestYear, birthYear + 19 + Math.floor(random() * 25));
  const admittedOn = isoDate(admittedYear, 1 + Math.floor(random() * 12), 1 + Math.floor(random() * 28));
  const officialOn = addYears(admittedOn, 1);
  const old = birthYear < 1950;
  return {
    id,
    fullName,
    gender,
    birthDate,
    admittedOn,
    officialOn,
    // Old members may be exempted from work and activities (miễn công tác và sinh hoạt đảng): still members.
    status: old && random() < 0.5 ? MemberStatus.EXEMPTED : MemberStatus.OFFICIAL,
    cardNumber: `83${pad(id, 6)}`,
    recordNumber: `${pad((100000 + id * 7) % 1000000, 6)}BT`,
    citizenId: `083${gender === Gender.MALE ? (birthYear >= 2000 ? 2 : 0) : birthYear >= 2000 ? 3 : 1}${pad(birthYear % 100, 2)}${pad(id * 37, 6)}`,
  };
}
