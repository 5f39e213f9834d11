CREATE TABLE `captcha_spent` (
	`challenge` text PRIMARY KEY NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `captcha_spent_expires` ON `captcha_spent` (`expires_at`);