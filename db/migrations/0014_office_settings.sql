CREATE TABLE "settings_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_person_id" uuid,
	"field" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"effect" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "office_name" text;--> statement-breakpoint
ALTER TABLE "settings_changes" ADD CONSTRAINT "settings_changes_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settings_changes" ADD CONSTRAINT "settings_changes_organization_id_actor_person_id_people_organization_id_id_fk" FOREIGN KEY ("organization_id","actor_person_id") REFERENCES "public"."people"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "settings_changes_org_idx" ON "settings_changes" USING btree ("organization_id","at");
--> statement-breakpoint
-- Offices that existed before the name was a setting were all called this in the messages they got.
UPDATE "organizations" SET "office_name" = 'Văn phòng – Thống kê' WHERE "office_name" IS NULL;
