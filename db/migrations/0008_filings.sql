CREATE TABLE `filing_keys` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`filing_id` integer NOT NULL,
	`kind` text NOT NULL,
	`platform` text NOT NULL,
	`ident` text NOT NULL,
	`live` integer DEFAULT true NOT NULL,
	FOREIGN KEY (`filing_id`) REFERENCES `filings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `filing_keys_live` ON `filing_keys` (`kind`,`platform`,`ident`) WHERE "filing_keys"."live" = 1;--> statement-breakpoint
CREATE INDEX `filing_keys_ident` ON `filing_keys` (`kind`,`ident`);--> statement-breakpoint
CREATE INDEX `filing_keys_filing` ON `filing_keys` (`filing_id`);--> statement-breakpoint
CREATE TABLE `filings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`subject_id` integer NOT NULL,
	`name` text NOT NULL,
	`status` text NOT NULL,
	`interactive` integer DEFAULT false NOT NULL,
	`filing_digits` text,
	`filing_number` text,
	`filing_unit_id` integer,
	`filed_at` integer,
	`cancelled_at` integer,
	`icp_number` text,
	`data` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`subject_id`) REFERENCES `subjects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`filing_unit_id`) REFERENCES `police_units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `filings_subject` ON `filings` (`subject_id`,`kind`);--> statement-breakpoint
CREATE UNIQUE INDEX `filings_filing_digits` ON `filings` (`filing_digits`);--> statement-breakpoint
CREATE INDEX `filings_kind_filed_at` ON `filings` (`kind`,`filed_at`);--> statement-breakpoint
CREATE INDEX `filings_filing_unit` ON `filings` (`filing_unit_id`,`status`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_assessments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`subject_id` integer NOT NULL,
	`website_id` integer,
	`filing_id` integer,
	`application_id` integer,
	`status` text NOT NULL,
	`data` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`subject_id`) REFERENCES `subjects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`website_id`) REFERENCES `websites`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`filing_id`) REFERENCES `filings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_assessments`("id", "subject_id", "website_id", "filing_id", "application_id", "status", "data", "created_at") SELECT "id", "subject_id", "website_id", NULL, "application_id", "status", "data", "created_at" FROM `assessments`;--> statement-breakpoint
DROP TABLE `assessments`;--> statement-breakpoint
ALTER TABLE `__new_assessments` RENAME TO `assessments`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `assessments_website` ON `assessments` (`website_id`);--> statement-breakpoint
CREATE INDEX `assessments_filing` ON `assessments` (`filing_id`);--> statement-breakpoint
ALTER TABLE `applications` ADD `filing_id` integer REFERENCES filings(id);--> statement-breakpoint
CREATE INDEX `applications_filing` ON `applications` (`filing_id`);--> statement-breakpoint
ALTER TABLE `drafts` ADD `filing_id` integer;--> statement-breakpoint
-- One live filing per (kind, 平台, 包名 / 小程序ID): the keys follow their filing's status, whichever
-- path moves it (review, 注销主体, …), so the partial unique index filing_keys_live holds.
CREATE TRIGGER filings_keys_live AFTER UPDATE OF status ON filings WHEN old.status IS NOT new.status BEGIN
  UPDATE filing_keys SET live = (new.status IN ('待审核', '已备案', '变更中', '注销中')) WHERE filing_id = new.id;
END;