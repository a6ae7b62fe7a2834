-- The weekly sends of two organizations at one instant collided: the second organization's never went.
ALTER TABLE "reminders" DROP CONSTRAINT "reminders_plan_unique";--> statement-breakpoint
ALTER TABLE "milestones" ALTER COLUMN "state" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "milestones" ALTER COLUMN "state" SET DEFAULT 'open'::text;--> statement-breakpoint
-- "overdue" was never written by the application; a row set by hand reads as open (lateness is computed from due).
UPDATE "milestones" SET "state" = 'open' WHERE "state" = 'overdue';--> statement-breakpoint
DROP TYPE "public"."milestone_state";--> statement-breakpoint
CREATE TYPE "public"."milestone_state" AS ENUM('open', 'in_progress', 'submitted', 'done', 'cancelled');--> statement-breakpoint
ALTER TABLE "milestones" ALTER COLUMN "state" SET DEFAULT 'open'::"public"."milestone_state";--> statement-breakpoint
ALTER TABLE "milestones" ALTER COLUMN "state" SET DATA TYPE "public"."milestone_state" USING "state"::"public"."milestone_state";--> statement-breakpoint
ALTER TABLE "reminders" ADD CONSTRAINT "reminders_plan_unique" UNIQUE NULLS NOT DISTINCT("organization_id","milestone_id","milestone_version","kind","audience_role","audience_unit_id","fire_at");