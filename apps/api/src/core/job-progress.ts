/**
 * Progress of long-running jobs (rating runs, imports), for /metrics. Jobs report here; every server's metrics
 * registry reads it when scraped, so a job needs no handle on the HTTP layer. No job uses it yet: the gauges show 0.
 */
export interface JobState {
  kind: string;
  done: number;
  total: number;
}

const jobs = new Map<string, JobState>();

export const jobProgress = {
  start(id: string, kind: string, total: number): void {
    jobs.set(id, { kind, done: 0, total });
  },
  advance(id: string, done: number): void {
    const job = jobs.get(id);
    if (job) job.done = Math.min(done, job.total);
  },
  finish(id: string): void {
    jobs.delete(id);
  },
  /** Jobs running now, by id. */
  snapshot(): ReadonlyMap<string, Readonly<JobState>> {
    return jobs;
  },
};
