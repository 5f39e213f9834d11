CREATE TABLE `legal_accounts` (
	`user_id` integer PRIMARY KEY NOT NULL,
	`legal_type` text NOT NULL,
	`rep_name` text NOT NULL,
	`rep_id_type` text NOT NULL,
	`rep_id_number_enc` text NOT NULL,
	`rep_id_number_masked` text NOT NULL,
	`valid_from` text NOT NULL,
	`valid_to` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
