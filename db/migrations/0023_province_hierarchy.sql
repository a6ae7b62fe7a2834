CREATE TYPE "public"."organization_kind" AS ENUM('commune', 'province', 'department');--> statement-breakpoint
ALTER TYPE "public"."role" ADD VALUE 'province_leader';--> statement-breakpoint
ALTER TYPE "public"."role" ADD VALUE 'province_reviewer';--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "kind" "organization_kind" DEFAULT 'commune' NOT NULL;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "parent_id" uuid;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "approves_child_completions" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "source_task_id" uuid;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "upstream_accepted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_parent_id_organizations_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."organizations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_source_task_id_tasks_id_fk" FOREIGN KEY ("source_task_id") REFERENCES "public"."tasks"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "tasks_org_source_task_unique" ON "tasks" USING btree ("organization_id","source_task_id");--> statement-breakpoint
CREATE INDEX "tasks_source_task_idx" ON "tasks" USING btree ("source_task_id");