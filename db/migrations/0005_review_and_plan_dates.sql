ALTER TABLE "milestones" ADD COLUMN "plan_start" date;--> statement-breakpoint
ALTER TABLE "milestones" ADD COLUMN "plan_due" date;--> statement-breakpoint
ALTER TABLE "task_units" ADD COLUMN "assigned_by" text DEFAULT 'plan' NOT NULL;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "warnings" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "reviewed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "reviewed_at" timestamp with time zone;--> statement-breakpoint
UPDATE "milestones" SET "plan_start" = "start", "plan_due" = "due";