CREATE TABLE "evidence_references" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"milestone_id" uuid NOT NULL,
	"created_by_person_id" uuid,
	"document_type" text NOT NULL,
	"number_symbol" text NOT NULL,
	"issued_on" date NOT NULL,
	"issuer" text NOT NULL,
	"typed_text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "evidence_references" ADD CONSTRAINT "evidence_references_organization_id_milestone_id_milestones_organization_id_id_fk" FOREIGN KEY ("organization_id","milestone_id") REFERENCES "public"."milestones"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_references" ADD CONSTRAINT "evidence_references_organization_id_created_by_person_id_people_organization_id_id_fk" FOREIGN KEY ("organization_id","created_by_person_id") REFERENCES "public"."people"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "evidence_references_milestone_idx" ON "evidence_references" USING btree ("milestone_id");