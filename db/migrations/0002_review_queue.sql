CREATE TABLE `app_meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
ALTER TABLE `applications` ADD `queued_at` integer;--> statement-breakpoint
CREATE INDEX `applications_open_unit` ON `applications` (`unit_id`,`due_at`,`id`) WHERE "applications"."queued" = 1 and "applications"."status" in ('待审核', '审核中', '待面审');--> statement-breakpoint
CREATE INDEX `applications_open_all` ON `applications` (`due_at`,`id`) WHERE "applications"."queued" = 1 and "applications"."status" in ('待审核', '审核中', '待面审');--> statement-breakpoint
CREATE INDEX `applications_decided` ON `applications` (`unit_id`,`decided_at`);--> statement-breakpoint
UPDATE `applications` SET `queued_at` = `submitted_at` WHERE `queued` = 1;