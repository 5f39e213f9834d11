CREATE TABLE `police_units` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`code` text NOT NULL,
	`is_default` integer DEFAULT false NOT NULL,
	`filing_seq` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `police_units_code` ON `police_units` (`code`);--> statement-breakpoint
CREATE UNIQUE INDEX `police_units_name` ON `police_units` (`name`);--> statement-breakpoint
CREATE TABLE `unit_coverage` (
	`unit_id` integer NOT NULL,
	`region_code` text NOT NULL,
	PRIMARY KEY(`unit_id`, `region_code`),
	FOREIGN KEY (`unit_id`) REFERENCES `police_units`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `unit_coverage_region` ON `unit_coverage` (`region_code`);--> statement-breakpoint
CREATE TABLE `login_throttle` (
	`key` text PRIMARY KEY NOT NULL,
	`failures` integer DEFAULT 0 NOT NULL,
	`window_start` integer NOT NULL,
	`locked_until` integer
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`role` text NOT NULL,
	`name` text NOT NULL,
	`id_type` text,
	`id_number_enc` text,
	`id_number_hmac` text,
	`id_number_masked` text,
	`phone_enc` text NOT NULL,
	`phone_hmac` text NOT NULL,
	`phone_masked` text NOT NULL,
	`email` text,
	`password_hash` text NOT NULL,
	`unit_id` integer,
	`status` text DEFAULT 'active' NOT NULL,
	`session_version` integer DEFAULT 1 NOT NULL,
	`phone_verified_at` integer,
	`email_verified_at` integer,
	`identity_verified_at` integer,
	`current_subject_id` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `police_units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_phone_hmac` ON `users` (`phone_hmac`);--> statement-breakpoint
CREATE UNIQUE INDEX `users_id_number_hmac` ON `users` (`id_number_hmac`);--> statement-breakpoint
CREATE UNIQUE INDEX `users_email` ON `users` (`email`);--> statement-breakpoint
CREATE INDEX `users_unit` ON `users` (`unit_id`);--> statement-breakpoint
CREATE TABLE `subject_transfers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`subject_id` integer NOT NULL,
	`from_user_id` integer NOT NULL,
	`to_phone_hmac` text NOT NULL,
	`to_id_hmac` text NOT NULL,
	`status` text NOT NULL,
	`created_at` integer NOT NULL,
	`decided_at` integer,
	FOREIGN KEY (`subject_id`) REFERENCES `subjects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`from_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `subject_transfers_to` ON `subject_transfers` (`to_phone_hmac`,`to_id_hmac`);--> statement-breakpoint
CREATE TABLE `subjects` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`owner_id` integer NOT NULL,
	`nature` text NOT NULL,
	`unit_type` text,
	`name` text NOT NULL,
	`cert_type` text,
	`cert_number_enc` text,
	`cert_number_hmac` text,
	`cert_number_masked` text,
	`principal_name` text NOT NULL,
	`principal_id_type` text NOT NULL,
	`principal_id_enc` text NOT NULL,
	`principal_id_hmac` text NOT NULL,
	`principal_id_masked` text NOT NULL,
	`principal_phone_enc` text NOT NULL,
	`principal_phone_hmac` text NOT NULL,
	`principal_phone_masked` text NOT NULL,
	`jurisdiction_code` text NOT NULL,
	`unit_id` integer,
	`status` text NOT NULL,
	`data` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `police_units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `subjects_owner` ON `subjects` (`owner_id`);--> statement-breakpoint
CREATE INDEX `subjects_cert_hmac` ON `subjects` (`cert_number_hmac`);--> statement-breakpoint
CREATE INDEX `subjects_principal_id_hmac` ON `subjects` (`principal_id_hmac`);--> statement-breakpoint
CREATE INDEX `subjects_unit` ON `subjects` (`unit_id`);--> statement-breakpoint
CREATE TABLE `website_checks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`website_id` integer NOT NULL,
	`kind` text NOT NULL,
	`ok` integer NOT NULL,
	`detail` text NOT NULL,
	`checked_at` integer NOT NULL,
	FOREIGN KEY (`website_id`) REFERENCES `websites`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `website_checks_site` ON `website_checks` (`website_id`,`kind`,`checked_at`);--> statement-breakpoint
CREATE TABLE `website_domains` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`website_id` integer NOT NULL,
	`unicode` text NOT NULL,
	`ascii` text NOT NULL,
	`registrable` text NOT NULL,
	`is_primary` integer DEFAULT false NOT NULL,
	`certificate_file_id` integer,
	FOREIGN KEY (`website_id`) REFERENCES `websites`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `website_domains_ascii` ON `website_domains` (`ascii`);--> statement-breakpoint
CREATE INDEX `website_domains_registrable` ON `website_domains` (`registrable`);--> statement-breakpoint
CREATE INDEX `website_domains_site` ON `website_domains` (`website_id`);--> statement-breakpoint
CREATE TABLE `website_ip_ranges` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`website_id` integer NOT NULL,
	`start_ip` text NOT NULL,
	`end_ip` text NOT NULL,
	`family` integer NOT NULL,
	FOREIGN KEY (`website_id`) REFERENCES `websites`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `website_ip_ranges_site` ON `website_ip_ranges` (`website_id`);--> statement-breakpoint
CREATE TABLE `websites` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
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
CREATE INDEX `websites_subject` ON `websites` (`subject_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `websites_filing_digits` ON `websites` (`filing_digits`);--> statement-breakpoint
CREATE INDEX `websites_filed_at` ON `websites` (`filed_at`);--> statement-breakpoint
CREATE TABLE `applications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`type` text NOT NULL,
	`status` text NOT NULL,
	`applicant_id` integer NOT NULL,
	`subject_id` integer,
	`website_id` integer,
	`unit_id` integer,
	`bundle_id` text,
	`queued` integer DEFAULT true NOT NULL,
	`payload` text NOT NULL,
	`previous` text,
	`submitted_at` integer NOT NULL,
	`due_at` integer,
	`claimed_by` integer,
	`claimed_until` integer,
	`decided_by` integer,
	`decided_at` integer,
	`reason` text,
	`field_comments` text,
	`resubmitted_from` integer,
	FOREIGN KEY (`applicant_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`subject_id`) REFERENCES `subjects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`website_id`) REFERENCES `websites`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `police_units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`claimed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `applications_code` ON `applications` (`code`);--> statement-breakpoint
CREATE INDEX `applications_applicant` ON `applications` (`applicant_id`,`submitted_at`);--> statement-breakpoint
CREATE INDEX `applications_queue` ON `applications` (`unit_id`,`queued`,`status`,`due_at`);--> statement-breakpoint
CREATE INDEX `applications_subject` ON `applications` (`subject_id`);--> statement-breakpoint
CREATE INDEX `applications_website` ON `applications` (`website_id`);--> statement-breakpoint
CREATE TABLE `assessments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`subject_id` integer NOT NULL,
	`website_id` integer NOT NULL,
	`application_id` integer,
	`status` text NOT NULL,
	`data` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`subject_id`) REFERENCES `subjects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`website_id`) REFERENCES `websites`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `assessments_website` ON `assessments` (`website_id`);--> statement-breakpoint
CREATE TABLE `drafts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`type` text NOT NULL,
	`subject_id` integer,
	`website_id` integer,
	`data` text NOT NULL,
	`created_at` integer NOT NULL,
	`saved_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `drafts_user` ON `drafts` (`user_id`,`saved_at`);--> statement-breakpoint
CREATE TABLE `interviews` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`application_id` integer NOT NULL,
	`kind` text NOT NULL,
	`scheduled_at` integer NOT NULL,
	`place` text,
	`materials` text,
	`outcome` text,
	`outcome_note` text,
	`created_by` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `files` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`owner_id` integer NOT NULL,
	`subject_id` integer,
	`kind` text NOT NULL,
	`mime` text NOT NULL,
	`sha256` text NOT NULL,
	`size` integer NOT NULL,
	`original_name` text NOT NULL,
	`width` integer,
	`height` integer,
	`thumb_sha256` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `files_owner` ON `files` (`owner_id`);--> statement-breakpoint
CREATE INDEX `files_subject` ON `files` (`subject_id`);--> statement-breakpoint
CREATE TABLE `deliveries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`notification_id` integer,
	`channel` text NOT NULL,
	`recipient` text NOT NULL,
	`subject` text,
	`body` text NOT NULL,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`next_attempt_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	`sent_at` integer,
	FOREIGN KEY (`notification_id`) REFERENCES `notifications`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `deliveries_pending` ON `deliveries` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`event` text NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`link` text,
	`read_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `notifications_user` ON `notifications` (`user_id`,`read_at`,`created_at`);--> statement-breakpoint
CREATE TABLE `verification_codes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`purpose` text NOT NULL,
	`target_hmac` text NOT NULL,
	`user_id` integer,
	`code_hash` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`expires_at` integer NOT NULL,
	`consumed_at` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `verification_codes_target` ON `verification_codes` (`target_hmac`,`purpose`,`created_at`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`actor_id` integer,
	`actor_role` text,
	`action` text NOT NULL,
	`object_type` text NOT NULL,
	`object_id` text,
	`before` text,
	`after` text,
	`ip` text,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_object` ON `audit_log` (`object_type`,`object_id`);--> statement-breakpoint
CREATE INDEX `audit_actor` ON `audit_log` (`actor_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_at` ON `audit_log` (`at`);--> statement-breakpoint
CREATE TABLE `data_codes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`provider_user_id` integer NOT NULL,
	`phone_hmac` text,
	`id_hmac` text,
	`payload` text NOT NULL,
	`bound_user_id` integer,
	`bound_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`provider_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`bound_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `data_codes_code_unique` ON `data_codes` (`code`);--> statement-breakpoint
CREATE INDEX `data_codes_match` ON `data_codes` (`phone_hmac`);--> statement-breakpoint
CREATE INDEX `data_codes_id` ON `data_codes` (`id_hmac`);--> statement-breakpoint
CREATE TABLE `provider_api_keys` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`key_hash` text NOT NULL,
	`label` text NOT NULL,
	`created_at` integer NOT NULL,
	`revoked_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `provider_directory` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`scope` text NOT NULL,
	`region_code` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `provider_directory_lookup` ON `provider_directory` (`kind`,`region_code`);--> statement-breakpoint
CREATE TABLE `legacy_filings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`old_digits` text NOT NULL,
	`old_number` text NOT NULL,
	`cert_number_hmac` text,
	`principal_phone_enc` text,
	`principal_phone_hmac` text,
	`data` text NOT NULL,
	`claimed_website_id` integer,
	`imported_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `legacy_filings_old_digits_unique` ON `legacy_filings` (`old_digits`);--> statement-breakpoint
CREATE INDEX `legacy_cert` ON `legacy_filings` (`cert_number_hmac`);--> statement-breakpoint
CREATE TABLE `unfiled_websites` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`domain` text NOT NULL,
	`name` text,
	`cert_number_hmac` text NOT NULL,
	`deadline` integer,
	`matched_subject_id` integer,
	`filed_website_id` integer,
	`imported_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `unfiled_cert` ON `unfiled_websites` (`cert_number_hmac`);--> statement-breakpoint
CREATE TABLE `notices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`category` text NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`published_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `notices_published` ON `notices` (`category`,`published_at`);