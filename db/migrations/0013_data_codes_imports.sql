CREATE TABLE `imports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`file_name` text NOT NULL,
	`row_count` integer NOT NULL,
	`admin_id` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`admin_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
-- Before this migration no code wrote data_codes, provider_api_keys, legacy_filings or unfiled_websites:
-- they are recreated empty; provider_accounts keeps its rows.
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_data_codes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code_hmac` text NOT NULL,
	`code_enc` text NOT NULL,
	`code_masked` text NOT NULL,
	`provider_user_id` integer NOT NULL,
	`provider_name` text NOT NULL,
	`api_key_id` integer,
	`subject_name` text NOT NULL,
	`website_count` integer NOT NULL,
	`phone_hmac` text NOT NULL,
	`id_hmac` text NOT NULL,
	`payload` text NOT NULL,
	`expires_at` integer NOT NULL,
	`revoked_at` integer,
	`bound_user_id` integer,
	`bound_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`provider_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`api_key_id`) REFERENCES `provider_api_keys`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`bound_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
DROP TABLE `data_codes`;--> statement-breakpoint
ALTER TABLE `__new_data_codes` RENAME TO `data_codes`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `data_codes_code_hmac_unique` ON `data_codes` (`code_hmac`);--> statement-breakpoint
CREATE INDEX `data_codes_phone` ON `data_codes` (`phone_hmac`);--> statement-breakpoint
CREATE INDEX `data_codes_id` ON `data_codes` (`id_hmac`);--> statement-breakpoint
CREATE INDEX `data_codes_provider` ON `data_codes` (`provider_user_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `data_codes_bound` ON `data_codes` (`bound_user_id`);--> statement-breakpoint
CREATE TABLE `__new_provider_accounts` (
	`user_id` integer PRIMARY KEY NOT NULL,
	`filing_id` integer,
	`directory_id` integer,
	`linked_by` integer,
	`linked_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`filing_id`) REFERENCES `filings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`directory_id`) REFERENCES `provider_directory`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`linked_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_provider_accounts`("user_id", "filing_id", "linked_by", "linked_at") SELECT "user_id", "filing_id", "linked_by", "linked_at" FROM `provider_accounts`;--> statement-breakpoint
DROP TABLE `provider_accounts`;--> statement-breakpoint
ALTER TABLE `__new_provider_accounts` RENAME TO `provider_accounts`;--> statement-breakpoint
CREATE INDEX `provider_accounts_filing` ON `provider_accounts` (`filing_id`);--> statement-breakpoint
CREATE TABLE `__new_legacy_filings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`import_id` integer,
	`old_digits` text NOT NULL,
	`old_number` text NOT NULL,
	`name` text NOT NULL,
	`domain` text NOT NULL,
	`domain_ascii` text NOT NULL,
	`subject_name` text NOT NULL,
	`cert_type` text NOT NULL,
	`cert_number_hmac` text NOT NULL,
	`cert_number_masked` text NOT NULL,
	`principal_phone_enc` text NOT NULL,
	`principal_phone_hmac` text NOT NULL,
	`principal_phone_masked` text NOT NULL,
	`filed_on` text NOT NULL,
	`claimable_user_id` integer,
	`claim_application_id` integer,
	`claimed_website_id` integer,
	`claimed_at` integer,
	`imported_at` integer NOT NULL,
	FOREIGN KEY (`import_id`) REFERENCES `imports`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`claimable_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`claim_application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`claimed_website_id`) REFERENCES `websites`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
DROP TABLE `legacy_filings`;--> statement-breakpoint
ALTER TABLE `__new_legacy_filings` RENAME TO `legacy_filings`;--> statement-breakpoint
CREATE UNIQUE INDEX `legacy_filings_old_digits_unique` ON `legacy_filings` (`old_digits`);--> statement-breakpoint
CREATE INDEX `legacy_cert` ON `legacy_filings` (`cert_number_hmac`);--> statement-breakpoint
CREATE INDEX `legacy_phone` ON `legacy_filings` (`principal_phone_hmac`);--> statement-breakpoint
CREATE INDEX `legacy_domain` ON `legacy_filings` (`domain_ascii`);--> statement-breakpoint
CREATE INDEX `legacy_claimable` ON `legacy_filings` (`claimable_user_id`);--> statement-breakpoint
CREATE TABLE `__new_unfiled_websites` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`import_id` integer,
	`name` text NOT NULL,
	`domain` text NOT NULL,
	`domain_ascii` text NOT NULL,
	`cert_type` text NOT NULL,
	`cert_number_hmac` text NOT NULL,
	`cert_number_masked` text NOT NULL,
	`discovered_on` text NOT NULL,
	`matched_subject_id` integer,
	`pushed_at` integer,
	`deadline` integer,
	`overdue_notified_at` integer,
	`filed_website_id` integer,
	`filed_at` integer,
	`imported_at` integer NOT NULL,
	FOREIGN KEY (`import_id`) REFERENCES `imports`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`matched_subject_id`) REFERENCES `subjects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`filed_website_id`) REFERENCES `websites`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
DROP TABLE `unfiled_websites`;--> statement-breakpoint
ALTER TABLE `__new_unfiled_websites` RENAME TO `unfiled_websites`;--> statement-breakpoint
CREATE INDEX `unfiled_cert` ON `unfiled_websites` (`cert_number_hmac`);--> statement-breakpoint
CREATE INDEX `unfiled_domain` ON `unfiled_websites` (`domain_ascii`);--> statement-breakpoint
CREATE INDEX `unfiled_subject` ON `unfiled_websites` (`matched_subject_id`);--> statement-breakpoint
CREATE INDEX `unfiled_deadline` ON `unfiled_websites` (`deadline`);--> statement-breakpoint
DROP TABLE `provider_api_keys`;--> statement-breakpoint
CREATE TABLE `provider_api_keys` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`key_hash` text NOT NULL,
	`key_prefix` text NOT NULL,
	`label` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_used_at` integer,
	`revoked_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `provider_api_keys_key_hash_unique` ON `provider_api_keys` (`key_hash`);--> statement-breakpoint
CREATE INDEX `provider_api_keys_user` ON `provider_api_keys` (`user_id`);