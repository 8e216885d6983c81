CREATE TABLE `photo_targets` (
	`room_id` integer NOT NULL,
	`contact_id` text NOT NULL,
	`activity_id` integer NOT NULL,
	`until` integer NOT NULL,
	FOREIGN KEY (`room_id`) REFERENCES `rooms`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `photo_targets_sender` ON `photo_targets` (`room_id`,`contact_id`);--> statement-breakpoint
CREATE TABLE `photos` (
	`id` integer PRIMARY KEY NOT NULL,
	`activity_id` integer NOT NULL,
	`sha256` text NOT NULL,
	`ext` text NOT NULL,
	`bytes` integer NOT NULL,
	`width` integer,
	`height` integer,
	`sender_member_id` integer,
	`sender_name` text NOT NULL,
	`original_name` text,
	`msg_id` text,
	`at` integer NOT NULL,
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sender_member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `photos_activity_content` ON `photos` (`activity_id`,`sha256`);--> statement-breakpoint
CREATE INDEX `photos_activity_at` ON `photos` (`activity_id`,`at`,`id`);