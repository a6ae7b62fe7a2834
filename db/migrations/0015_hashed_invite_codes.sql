CREATE TABLE "invite_attempts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"chat_key" text NOT NULL,
	"attempted_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "invites" RENAME COLUMN "code" TO "code_hash";--> statement-breakpoint
ALTER TABLE "invites" DROP CONSTRAINT "invites_code_unique";--> statement-breakpoint
CREATE INDEX "invite_attempts_chat" ON "invite_attempts" USING btree ("chat_key","attempted_at");--> statement-breakpoint
ALTER TABLE "invites" ADD CONSTRAINT "invites_code_hash_unique" UNIQUE("code_hash");--> statement-breakpoint
-- Data step (by hand): codes already sent out keep working; only their hash is kept from now on.
UPDATE "invites" SET "code_hash" = encode(sha256(convert_to("code_hash", 'UTF8')), 'hex');
