/**
 * Rating-engine benchmark: Mỹ Thạnh's set, 100 000 synthetic members, the compiled engine (with and without the
 * trace) against the same rules written by hand, in one process, alternated over several rounds after a
 * warm-up. Checks that both give the same points, totals and levels for every subject, prints a Markdown
 * section and writes it into BENCHMARKS.md at the repository root (between its rating-engine markers).
 *
 *   npx nx run rating-engine:build
 *   npx ts-node --transpile-only -O '{"module":"commonjs"}' tools/bench/rating-engine/bench.ts
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import type { SubjectInputs } from '@dangbo/rating-engine';
import { MY_THANH_MEMBER_OUTSIDE_SYSTEM_SET, compile, evaluate } from '@dangbo/rating-engine';
import { rateByHand } from './by-hand';
import { makeSubjects } from './subjects';

const SUBJECTS = Number(process.env.BENCH_SUBJECTS ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);

const compiled = (() => {
  const r = compile(MY_THANH_MEMBER_OUTSIDE_SYSTEM_SET);
  if (!r.ok) throw new Error(`Mỹ Thạnh's set does not compile: ${JSON.stringify(r.errors)}`);
  return r.compiled;
})();
const subjects = makeSubjects(SUBJECTS);

type Variant = { name: string; run: (s: SubjectInputs) => { total: number | null } };
const variants: Variant[] = [
  { name: 'hand-written', run: rateByHand },
  { name: 'engine (trace, default)', run: (s) => evaluate(compiled, s) },
  { name: 'engine (trace: false)', run: (s) => evaluate(compiled, s, { trace: false }) },
];

let sink = 0;
function timeOnce(v: Variant): number {
  const start = process.hrtime.bigint();
  for (let i = 0; i < subjects.length; i++) sink += v.run(subjects[i]).total ?? 0;
  return Number(process.hrtime.bigint() - start) / 1e9;
}

function verify(): { levels: Record<string, number> } {
  const levels: Record<string, number> = {};
  for (let i = 0; i < subjects.length; i++) {
    const a = rateByHand(subjects[i]);
    const b = evaluate(compiled, subjects[i]);
    const c = evaluate(compiled, subjects[i], { trace: false });
    const same =
      b.errors.length === 0 &&
      a.total === b.total &&
      a.level === b.level &&
      c.total === b.total &&
      c.level === b.level &&
      JSON.stringify(a.points) === JSON.stringify(b.points) &&
      JSON.stringify(a.groups) === JSON.stringify(b.groups);
    if (!same) {
      console.error('MISMATCH for subject', i, JSON.stringify(subjects[i]));
      console.error('hand-written:', JSON.stringify(a));
      console.error('engine:', JSON.stringify({ ...b, trace: undefined }));
      process.exit(1);
    }
    levels[a.level] = (levels[a.level] ?? 0) + 1;
  }
  return { levels };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (x: number): string => Math.round(x).toLocaleString('en-US');

const { levels } = verify();
for (const v of variants) timeOnce(v); // warm-up: let the JIT settle on every path
const times = new Map<string, number[]>(variants.map((v) => [v.name, []]));
for (let r = 0; r < ROUNDS; r++) {
  const order = r % 2 === 0 ? variants : [...variants].reverse();
  for (const v of order) times.get(v.name)?.push(timeOnce(v));
}
const rate = new Map(variants.map((v) => [v.name, SUBJECTS / median(times.get(v.name) ?? [])]));
const hand = rate.get('hand-written') ?? 1;
const withTrace = (rate.get('engine (trace, default)') ?? 0) / hand;
const noTrace = (rate.get('engine (trace: false)') ?? 0) / hand;

const cpu = cpus();
const lines = [
  '## Rating engine: compiled set vs hand-written rules',
  '',
  `- Date: ${new Date().toISOString().slice(0, 10)}`,
  `- Machine: ${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, Node ${process.version}, ${process.platform}/${process.arch}`,
  `- Set: MY_THANH_MEMBER_OUTSIDE_SYSTEM_SET (10 criteria in 2 groups: 5 entered, 1 check, 2 metrics, 1 formula, 1 bonus formula; 4 gates, 4 downgrades; task shares derived from counts)`,
  `- Subjects: ${fmt(SUBJECTS)} synthetic members (seeded PRNG); levels: ${Object.entries(levels).map(([k, n]) => `${k} ${fmt(n)}`).join(', ')}`,
  `- Method: one process; one warm-up pass per variant, then ${ROUNDS} rounds alternating the order; median round reported.`,
  '  The hand-written version returns what the API stores (points per criterion, group subtotals, total, level);',
  '  the engine also returns errors and, by default, the trace.',
  '',
  '| variant | subjects/s (median) | ns/subject | rounds (s) |',
  '|---|---:|---:|---|',
  ...variants.map((v) => {
    const r = rate.get(v.name) ?? 0;
    return `| ${v.name} | ${fmt(r)} | ${(1e9 / r).toFixed(0)} | ${(times.get(v.name) ?? []).map((t) => t.toFixed(3)).join(', ')} |`;
  }),
  '',
  `Ratio engine / hand-written: **${withTrace.toFixed(2)}** with the trace (default), **${noTrace.toFixed(2)}** with \`trace: false\` (target ≥ 0.5).`,
  '',
  `Check: all ${fmt(SUBJECTS)} subjects give identical points, group subtotals, totals and levels in both versions.`,
  '',
];
const md = lines.join('\n');
console.log(md);
const file = join(__dirname, '../../../BENCHMARKS.md');
const open = '<!-- rating-engine -->';
const close = '<!-- /rating-engine -->';
const block = `${open}\n${md.trim()}\n\nScript: \`tools/bench/rating-engine/bench.ts\` (\`npm run bench:engine\`).\n${close}`;
const text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
const a = text.indexOf(open);
const b = text.indexOf(close);
writeFileSync(file, a >= 0 && b > a ? text.slice(0, a) + block + text.slice(b + close.length) : `${text.trimEnd()}\n\n${block}\n`);
if (sink === 0) console.log('(sink)');
