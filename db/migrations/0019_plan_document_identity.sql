ALTER TABLE "plans" ADD COLUMN "kind" text;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "number" text;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "issued_on" date;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "summary" text;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "received_on" date;