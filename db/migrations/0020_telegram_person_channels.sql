ALTER TABLE "person_channels" DROP CONSTRAINT "person_channels_channel";--> statement-breakpoint
DROP INDEX "person_channels_chat_unique";--> statement-breakpoint
CREATE UNIQUE INDEX "person_channels_org_chat_unique" ON "person_channels" USING btree ("organization_id","channel","chat_id");--> statement-breakpoint
CREATE UNIQUE INDEX "person_channels_chat_unique" ON "person_channels" USING btree ("channel","chat_id") WHERE "person_channels"."channel" <> 'telegram';--> statement-breakpoint
ALTER TABLE "person_channels" ADD CONSTRAINT "person_channels_channel" CHECK ("person_channels"."channel" in ('telegram', 'zalo', 'email'));