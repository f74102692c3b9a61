import { compileExpression } from 'filtrex';
import { emitFormula, HELPERS } from './emit';
import { parseFormula } from './parser';
import { checkFormula } from './typecheck';

/** Seeded generator of random formulas from the whole grammar, to compare our evaluator with filtrex's. */
function generator(seed: number) {
  let s = seed >>> 0;
  const rnd = (): number => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)];
  const num = (depth: number): string => {
    if (depth <= 0 || rnd() < 0.25) return pick(['a', 'b', 'c', '0', '1', '2.5', '7', '12']);
    switch (Math.floor(rnd() * 8)) {
      case 0:
        return `${num(depth - 1)} ${pick(['+', '-', '*', '/', '^', 'mod'])} ${num(depth - 1)}`;
      case 1:
        return `-${num(depth - 1)}`;
      case 2:
        return `(${num(depth - 1)})`;
      case 3:
        return `${pick(['abs', 'floor', 'ceil', 'round', 'sqrt'])}(${num(depth - 1)})`;
      case 4:
        return `${pick(['min', 'max'])}(${num(depth - 1)}, ${num(depth - 1)})`;
      case 5:
        // Parenthesised: an unbracketed else-branch swallows whatever follows it, in filtrex as here.
        return `(if ${bool(depth - 1)} then ${num(depth - 1)} else ${num(depth - 1)})`;
      default:
        return `${num(depth - 1)} ${pick(['+', '-', '*'])} ${num(depth - 1)} ${pick(['*', '/', '^', '-'])} ${num(depth - 1)}`;
    }
  };
  const bool = (depth: number): string => {
    switch (Math.floor(rnd() * 6)) {
      case 0:
        return `${num(depth - 1)} ${pick(['==', '!=', '<', '<=', '>', '>='])} ${num(depth - 1)}`;
      case 1:
        return `${num(depth - 1)} < ${num(depth - 1)} <= ${num(depth - 1)}`;
      case 2:
        return `${bool(depth - 1)} ${pick(['and', 'or'])} ${bool(depth - 1)}`;
      case 3:
        return `not (${bool(depth - 1)})`;
      case 4:
        return `${num(depth - 1)} ${pick(['in', 'not in'])} (${num(depth - 1)}, ${num(depth - 1)}, 7)`;
      default:
        return `(${bool(depth - 1)})`;
    }
  };
  return () => (rnd() < 0.6 ? num(4) : bool(4));
}

describe('agreement with filtrex on random formulas', () => {
  const data = { a: 3, b: -1.5, c: 0 };
  const slots = Object.keys(data);
  const V = Float64Array.from(Object.values(data));

  it('gives the same value for 3000 generated formulas', () => {
    const next = generator(366);
    let compared = 0;
    for (let i = 0; i < 3000; i++) {
      const src = next();
      const parsed = parseFormula(src);
      if ('error' in parsed) throw new Error(`${src}: ${parsed.error.message}`);
      expect(checkFormula(parsed.expr, (n) => slots.includes(n))).not.toHaveProperty('errors');
      const theirs = compileExpression(src)(data);
      let ours: unknown;
      try {
        ours = emitFormula(parsed.expr, (n) => slots.indexOf(n))(V, HELPERS);
      } catch {
        ours = 'division by zero';
      }
      if (ours === 'division by zero') {
        // filtrex yields ±Infinity or NaN there, unless a later step hid it (e.g. inside a comparison).
        continue;
      }
      if (theirs instanceof Error) throw new Error(`${src}: filtrex failed with ${theirs.message}`);
      if (typeof theirs === 'number' && Number.isNaN(theirs)) expect(ours).toBeNaN();
      else expect([src, ours]).toEqual([src, theirs]);
      compared++;
    }
    expect(compared).toBeGreaterThan(2000);
  });
});
