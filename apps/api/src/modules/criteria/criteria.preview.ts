/**
 * The engine's work on a whole set, as the worker thread runs it (criteria-engine.worker.ts): pure, plain JSON in
 * and out, so it crosses the thread boundary by structured clone. Nothing here may import the GraphQL layer.
 */
import { compile, evaluate, sampleInputs } from '@dangbo/rating-engine';
import type { CriteriaSetDefinition, EngineError, Evaluation, SubjectInputs } from '@dangbo/rating-engine';

/** A preview as the API answers it: the engine's evaluation with trace values as text, and the inputs used. */
export type PreviewResult = Omit<Evaluation, 'trace'> & {
  inputs: SubjectInputs;
  trace: { kind: string; code?: string; message: string; before?: string; after?: string }[];
};

/** Rates `definition` on `inputs` (sample data when absent); a set that does not compile answers its errors. */
export function previewDefinition(definition: CriteriaSetDefinition, inputs: unknown): PreviewResult {
  const compiled = compile(definition);
  const used = (inputs ?? sampleInputs(definition)) as SubjectInputs;
  if (!compiled.ok) return { errors: compiled.errors, inputs: used, points: {}, groups: {}, total: null, bandLevel: null, level: null, engineLevel: null, trace: [] };
  const normalized: SubjectInputs = { scores: used.scores ?? {}, checks: used.checks ?? {}, facts: used.facts ?? {}, metrics: used.metrics ?? {}, ...(used.override ? { override: used.override } : {}) };
  const result = evaluate(compiled.compiled, normalized);
  return {
    ...result,
    inputs: normalized,
    trace: result.trace.map((t) => ({ ...t, before: t.before === undefined ? undefined : String(t.before), after: t.after === undefined ? undefined : String(t.after) })),
  };
}

/** The errors that keep `definition` from being published (empty when it compiles). */
export function compileErrors(definition: CriteriaSetDefinition): EngineError[] {
  const result = compile(definition);
  return result.ok ? [] : result.errors;
}

/** What the worker is asked to do. */
export type EngineJob = { op: 'preview'; definition: CriteriaSetDefinition; inputs: unknown } | { op: 'compile'; definition: CriteriaSetDefinition };

export function runEngineJob(job: EngineJob): PreviewResult | EngineError[] {
  return job.op === 'preview' ? previewDefinition(job.definition, job.inputs) : compileErrors(job.definition);
}
