CREATE TABLE `provider_accounts` (
	`user_id` integer PRIMARY KEY NOT NULL,
	`filing_id` integer NOT NULL,
	`linked_by` integer,
	`linked_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`filing_id`) REFERENCES `filings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`linked_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `provider_accounts_filing` ON `provider_accounts` (`filing_id`);--> statement-breakpoint
ALTER TABLE `provider_directory` ADD `filing_id` integer;--> statement-breakpoint
ALTER TABLE `provider_directory` ADD `cancelled_at` integer;--> statement-breakpoint
CREATE INDEX `provider_directory_filing` ON `provider_directory` (`filing_id`);