CREATE TABLE `job_runs` (
	`name` text PRIMARY KEY NOT NULL,
	`slot` integer NOT NULL,
	`claimed_at` integer NOT NULL,
	`pid` integer NOT NULL
);
