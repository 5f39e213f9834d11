CREATE TABLE `filing_checks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`filing_id` integer NOT NULL,
	`kind` text NOT NULL,
	`ok` integer NOT NULL,
	`detail` text NOT NULL,
	`checked_at` integer NOT NULL,
	FOREIGN KEY (`filing_id`) REFERENCES `filings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `filing_checks_filing` ON `filing_checks` (`filing_id`,`kind`,`checked_at`);