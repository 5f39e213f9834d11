CREATE INDEX `legacy_claim_application` ON `legacy_filings` (`claim_application_id`);--> statement-breakpoint
CREATE INDEX `legacy_claimed` ON `legacy_filings` (`claimed_website_id`) WHERE "legacy_filings"."claimed_website_id" is not null;--> statement-breakpoint
CREATE INDEX `legacy_unclaimed` ON `legacy_filings` (`imported_at`) WHERE "legacy_filings"."claimed_website_id" is null;