-- handled_messages is written once per message: WITHOUT ROWID keeps it one B-tree (the
-- primary key) instead of a rowid table plus its unique index. drizzle-kit cannot express this.
DROP TABLE `handled_messages`;
--> statement-breakpoint
CREATE TABLE `handled_messages` (
	`msg_id` text PRIMARY KEY NOT NULL,
	`at` integer NOT NULL
) WITHOUT ROWID;
