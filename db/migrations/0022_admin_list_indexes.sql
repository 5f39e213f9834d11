CREATE INDEX `users_role` ON `users` (`role`,`created_at`);--> statement-breakpoint
CREATE INDEX `applications_decided_all` ON `applications` (`decided_at`,`id`) WHERE "applications"."decided_by" is not null;--> statement-breakpoint
CREATE INDEX `deliveries_created` ON `deliveries` (`created_at`,`id`);