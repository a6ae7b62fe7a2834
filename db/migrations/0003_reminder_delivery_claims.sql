ALTER TYPE "public"."delivery_state" ADD VALUE 'sending' BEFORE 'sent';--> statement-breakpoint
ALTER TABLE "reminder_deliveries" ADD COLUMN "claimed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "reminders" ADD CONSTRAINT "reminders_plan_unique" UNIQUE NULLS NOT DISTINCT("milestone_id","milestone_version","kind","audience_role","audience_unit_id","fire_at");