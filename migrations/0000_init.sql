CREATE TABLE `activities` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`room_id` integer NOT NULL,
	`title` text NOT NULL,
	`type` text NOT NULL,
	`start_at` integer NOT NULL,
	`end_at` integer,
	`location` text,
	`capacity` integer,
	`deadline_at` integer NOT NULL,
	`remind_offsets` text,
	`description` text,
	`status` text DEFAULT 'scheduled' NOT NULL,
	`organizer_member_id` integer,
	`organizer_name` text NOT NULL,
	`cancel_reason` text,
	`attendance_override` integer,
	`completion_note` text,
	`completed_at` integer,
	`followed_up_at` integer,
	`cancelled_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`room_id`) REFERENCES `rooms`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organizer_member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `activities_room_status_start` ON `activities` (`room_id`,`status`,`start_at`);--> statement-breakpoint
CREATE INDEX `activities_start` ON `activities` (`start_at`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY NOT NULL,
	`at` integer NOT NULL,
	`room_id` integer,
	`actor_member_id` integer,
	`actor_name` text,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` integer,
	`msg_id` text,
	`detail` text
);
--> statement-breakpoint
CREATE TABLE `checkins` (
	`id` integer PRIMARY KEY NOT NULL,
	`activity_id` integer NOT NULL,
	`member_id` integer NOT NULL,
	`signup_id` integer,
	`at` integer NOT NULL,
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`signup_id`) REFERENCES `signups`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `checkins_unique` ON `checkins` (`activity_id`,`member_id`);--> statement-breakpoint
CREATE TABLE `handled_messages` (
	`msg_id` text PRIMARY KEY NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `job_state` (
	`name` text PRIMARY KEY NOT NULL,
	`last_run_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `members` (
	`id` integer PRIMARY KEY NOT NULL,
	`room_id` integer NOT NULL,
	`contact_id` text NOT NULL,
	`name` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`room_id`) REFERENCES `rooms`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `members_room_contact` ON `members` (`room_id`,`contact_id`);--> statement-breakpoint
CREATE INDEX `members_name_room` ON `members` (`name`,`room_id`);--> statement-breakpoint
CREATE INDEX `members_contact` ON `members` (`contact_id`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY NOT NULL,
	`room_id` integer,
	`contact_id` text,
	`contact_name` text,
	`kind` text NOT NULL,
	`body` text NOT NULL,
	`coalesce_key` text,
	`status` text DEFAULT 'pending' NOT NULL,
	`parts_sent` integer DEFAULT 0 NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`last_error` text,
	`created_at` integer NOT NULL,
	`sent_at` integer,
	FOREIGN KEY (`room_id`) REFERENCES `rooms`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `outbox_pending` ON `outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_open_window` ON `outbox` (`coalesce_key`) WHERE coalesce_key IS NOT NULL;--> statement-breakpoint
CREATE TABLE `outbox_events` (
	`id` integer PRIMARY KEY NOT NULL,
	`outbox_id` integer NOT NULL,
	`event` text NOT NULL,
	FOREIGN KEY (`outbox_id`) REFERENCES `outbox`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `reminders` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`activity_id` integer NOT NULL,
	`offset_ms` integer NOT NULL,
	`due_at` integer NOT NULL,
	`status` text DEFAULT 'planned' NOT NULL,
	`decided_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `reminders_due` ON `reminders` (`status`,`due_at`);--> statement-breakpoint
CREATE INDEX `reminders_activity` ON `reminders` (`activity_id`,`status`);--> statement-breakpoint
CREATE TABLE `roles` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`role` text NOT NULL,
	`member_id` integer NOT NULL,
	`room_id` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`room_id`) REFERENCES `rooms`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `roles_unique` ON `roles` (`role`,`member_id`);--> statement-breakpoint
CREATE INDEX `roles_room` ON `roles` (`room_id`);--> statement-breakpoint
CREATE TABLE `rooms` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`wx_id` text NOT NULL,
	`topic` text NOT NULL,
	`report_name` text,
	`owner_contact_id` text,
	`enabled` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rooms_wx_id` ON `rooms` (`wx_id`);--> statement-breakpoint
CREATE INDEX `rooms_topic` ON `rooms` (`topic`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `signups` (
	`id` integer PRIMARY KEY NOT NULL,
	`activity_id` integer NOT NULL,
	`member_id` integer,
	`guest_name` text,
	`registrant_member_id` integer NOT NULL,
	`companions` integer DEFAULT 0 NOT NULL,
	`status` text NOT NULL,
	`queued_at` integer NOT NULL,
	`source` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`registrant_member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `signups_live_member` ON `signups` (`activity_id`,`member_id`) WHERE status <> 'cancelled' AND member_id IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `signups_live_guest` ON `signups` (`activity_id`,`guest_name`) WHERE status <> 'cancelled' AND guest_name IS NOT NULL;--> statement-breakpoint
CREATE INDEX `signups_roster` ON `signups` (`activity_id`,`status`,`queued_at`,`companions`);--> statement-breakpoint
CREATE INDEX `signups_registrant` ON `signups` (`registrant_member_id`,`status`) WHERE member_id IS NULL;