ALTER TABLE "people" DROP COLUMN "telegram_chat_id";--> statement-breakpoint
ALTER TABLE "people" DROP COLUMN "unreachable_since";