CREATE TABLE "channel_link_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"code_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "channel_link_codes_code_hash_unique" UNIQUE("code_hash"),
	CONSTRAINT "channel_link_codes_channel" CHECK ("channel_link_codes"."channel" in ('zalo'))
);
--> statement-breakpoint
CREATE TABLE "person_channels" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"chat_id" text NOT NULL,
	"unreachable_since" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "person_channels_channel" CHECK ("person_channels"."channel" in ('zalo'))
);
--> statement-breakpoint
DROP INDEX "reminder_deliveries_unique";--> statement-breakpoint
ALTER TABLE "reminder_deliveries" ADD COLUMN "channel" text DEFAULT 'telegram' NOT NULL;--> statement-breakpoint
ALTER TABLE "channel_link_codes" ADD CONSTRAINT "channel_link_codes_organization_id_person_id_people_organization_id_id_fk" FOREIGN KEY ("organization_id","person_id") REFERENCES "public"."people"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_channels" ADD CONSTRAINT "person_channels_organization_id_person_id_people_organization_id_id_fk" FOREIGN KEY ("organization_id","person_id") REFERENCES "public"."people"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "person_channels_chat_unique" ON "person_channels" USING btree ("channel","chat_id");--> statement-breakpoint
CREATE UNIQUE INDEX "person_channels_person_unique" ON "person_channels" USING btree ("person_id","channel");--> statement-breakpoint
CREATE UNIQUE INDEX "reminder_deliveries_unique" ON "reminder_deliveries" USING btree ("reminder_id","person_id","channel");--> statement-breakpoint
ALTER TABLE "reminder_deliveries" ADD CONSTRAINT "reminder_deliveries_channel" CHECK ("reminder_deliveries"."channel" in ('telegram', 'zalo'));