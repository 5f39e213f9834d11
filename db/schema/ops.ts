import { sqliteTable, text, integer } from 'drizzle-orm/sqlite-core';

/**
 * Scheduled jobs across the workers of one instance (lib/ops/job-claims.ts): the last time slot
 * of each job that some worker claimed. A slot is claimed once, so a job runs once per schedule
 * however many workers run the timers.
 */
export const jobRuns = sqliteTable('job_runs', {
  name: text('name').primaryKey(),
  slot: integer('slot').notNull(),
  claimedAt: integer('claimed_at').notNull(),
  pid: integer('pid').notNull(),
});
