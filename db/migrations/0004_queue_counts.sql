CREATE TABLE `queue_counts` (
	`unit_id` integer NOT NULL,
	`type` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`unit_id`, `type`)
);
--> statement-breakpoint
CREATE INDEX `applications_open_unit_type` ON `applications` (`unit_id`,`type`,`due_at`,`id`) WHERE "applications"."queued" = 1 and "applications"."status" in ('待审核', '审核中', '待面审');--> statement-breakpoint
INSERT INTO `queue_counts` (`unit_id`, `type`, `n`)
SELECT coalesce(`unit_id`, 0), `type`, count(*) FROM `applications`
WHERE `queued` = 1 AND `status` IN ('待审核', '审核中', '待面审') GROUP BY coalesce(`unit_id`, 0), `type`;
--> statement-breakpoint
CREATE TRIGGER `queue_counts_insert` AFTER INSERT ON `applications`
WHEN new.`queued` = 1 AND new.`status` IN ('待审核', '审核中', '待面审')
BEGIN
  INSERT INTO `queue_counts` (`unit_id`, `type`, `n`) VALUES (coalesce(new.`unit_id`, 0), new.`type`, 1)
  ON CONFLICT (`unit_id`, `type`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `queue_counts_delete` AFTER DELETE ON `applications`
WHEN old.`queued` = 1 AND old.`status` IN ('待审核', '审核中', '待面审')
BEGIN
  UPDATE `queue_counts` SET `n` = `n` - 1 WHERE `unit_id` = coalesce(old.`unit_id`, 0) AND `type` = old.`type`;
END;
--> statement-breakpoint
CREATE TRIGGER `queue_counts_update_old` AFTER UPDATE OF `queued`, `status`, `unit_id`, `type` ON `applications`
WHEN old.`queued` = 1 AND old.`status` IN ('待审核', '审核中', '待面审')
BEGIN
  UPDATE `queue_counts` SET `n` = `n` - 1 WHERE `unit_id` = coalesce(old.`unit_id`, 0) AND `type` = old.`type`;
END;
--> statement-breakpoint
CREATE TRIGGER `queue_counts_update_new` AFTER UPDATE OF `queued`, `status`, `unit_id`, `type` ON `applications`
WHEN new.`queued` = 1 AND new.`status` IN ('待审核', '审核中', '待面审')
BEGIN
  INSERT INTO `queue_counts` (`unit_id`, `type`, `n`) VALUES (coalesce(new.`unit_id`, 0), new.`type`, 1)
  ON CONFLICT (`unit_id`, `type`) DO UPDATE SET `n` = `n` + 1;
END;
