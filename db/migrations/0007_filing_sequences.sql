CREATE TABLE `filing_sequences` (
	`unit_id` integer NOT NULL,
	`mark` text NOT NULL,
	`seq` integer NOT NULL,
	PRIMARY KEY(`unit_id`, `mark`),
	FOREIGN KEY (`unit_id`) REFERENCES `police_units`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
-- Every number issued so far is a website's (02): its sequence carries on.
INSERT INTO `filing_sequences` (`unit_id`, `mark`, `seq`) SELECT `id`, '02', `filing_seq` FROM `police_units` WHERE `filing_seq` > 0;--> statement-breakpoint
ALTER TABLE `police_units` DROP COLUMN `filing_seq`;