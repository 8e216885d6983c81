CREATE TABLE `jielong_lists` (
	`activity_id` integer PRIMARY KEY NOT NULL,
	`names` text NOT NULL,
	`posted_at` integer NOT NULL,
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE no action
);
