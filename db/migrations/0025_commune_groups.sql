CREATE TABLE "commune_group_members" (
	"organization_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"commune_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "commune_group_members_group_id_commune_id_pk" PRIMARY KEY("group_id","commune_id")
);
--> statement-breakpoint
CREATE TABLE "commune_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"name_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "commune_groups_org_id_unique" UNIQUE("organization_id","id")
);
--> statement-breakpoint
ALTER TABLE "commune_group_members" ADD CONSTRAINT "commune_group_members_commune_id_organizations_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commune_group_members" ADD CONSTRAINT "commune_group_members_organization_id_group_id_commune_groups_organization_id_id_fk" FOREIGN KEY ("organization_id","group_id") REFERENCES "public"."commune_groups"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commune_groups" ADD CONSTRAINT "commune_groups_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "commune_group_members_commune_idx" ON "commune_group_members" USING btree ("commune_id");--> statement-breakpoint
CREATE UNIQUE INDEX "commune_groups_org_name_key_unique" ON "commune_groups" USING btree ("organization_id","name_key");