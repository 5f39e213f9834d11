CREATE INDEX `users_role` ON `users` (`role`,`created_at`);--> statement-breakpoint
CREATE INDEX `users_current_subject` ON `users` (`current_subject_id`) WHERE "users"."current_subject_id" is not null;--> statement-breakpoint
CREATE INDEX `subject_transfers_subject` ON `subject_transfers` (`subject_id`,`status`);--> statement-breakpoint
CREATE INDEX `subjects_never_approved` ON `subjects` (`status`) WHERE "subjects"."status" in ('待审核', '已退回');--> statement-breakpoint
CREATE INDEX `applications_decided_all` ON `applications` (`decided_at`,`id`) WHERE "applications"."decided_by" is not null;--> statement-breakpoint
CREATE INDEX `applications_pending_type` ON `applications` (`type`) WHERE "applications"."status" in ('待审核', '审核中', '待面审');--> statement-breakpoint
CREATE INDEX `applications_bundle` ON `applications` (`bundle_id`) WHERE "applications"."bundle_id" is not null;--> statement-breakpoint
CREATE INDEX `assessments_subject` ON `assessments` (`subject_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `assessments_application` ON `assessments` (`application_id`);--> statement-breakpoint
CREATE INDEX `interviews_application` ON `interviews` (`application_id`,`id`);--> statement-breakpoint
CREATE INDEX `interviews_upcoming` ON `interviews` (`scheduled_at`) WHERE "interviews"."outcome" is null;--> statement-breakpoint
CREATE INDEX `deliveries_created` ON `deliveries` (`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `verification_codes_user` ON `verification_codes` (`user_id`,`purpose`) WHERE "verification_codes"."user_id" is not null;--> statement-breakpoint
CREATE INDEX `legacy_claim_application` ON `legacy_filings` (`claim_application_id`);--> statement-breakpoint
CREATE INDEX `legacy_claimed` ON `legacy_filings` (`claimed_website_id`) WHERE "legacy_filings"."claimed_website_id" is not null;--> statement-breakpoint
CREATE INDEX `legacy_unclaimed` ON `legacy_filings` (`imported_at`) WHERE "legacy_filings"."claimed_website_id" is null;