DROP INDEX `signups_roster`;--> statement-breakpoint
CREATE INDEX `signups_roster` ON `signups` (`activity_id`,`status`,`queued_at`,`id`,`companions`);--> statement-breakpoint
ALTER TABLE `activities` ADD `seats_taken` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `activities` ADD `waiting` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
UPDATE `activities` SET
  `seats_taken` = (SELECT coalesce(sum(1 + `companions`), 0) FROM `signups` WHERE `activity_id` = `activities`.`id` AND `status` = 'confirmed'),
  `waiting` = (SELECT count(*) FROM `signups` WHERE `activity_id` = `activities`.`id` AND `status` = 'waitlisted');
