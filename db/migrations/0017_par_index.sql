CREATE TABLE "par_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"set_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"deadline" date,
	"chase_plan_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "par_assessments_org_id_unique" UNIQUE("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "par_entries" (
	"organization_id" uuid NOT NULL,
	"assessment_id" uuid NOT NULL,
	"criterion_code" text NOT NULL,
	"self_points" double precision,
	"justification" text,
	"explanation" text,
	"updated_by_person_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "par_entries_assessment_id_criterion_code_pk" PRIMARY KEY("assessment_id","criterion_code"),
	CONSTRAINT "par_entries_points_non_negative" CHECK ("par_entries"."self_points" is null or "par_entries"."self_points" >= 0)
);
--> statement-breakpoint
CREATE TABLE "par_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"assessment_id" uuid NOT NULL,
	"criterion_code" text NOT NULL,
	"file_name" text,
	"sha256" text,
	"storage_path" text,
	"size_bytes" bigint,
	"document_type" text,
	"number_symbol" text,
	"issued_on" date,
	"issuer" text,
	"created_by_person_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "par_evidence_file_or_reference" CHECK (("par_evidence"."storage_path" is not null and "par_evidence"."file_name" is not null) or ("par_evidence"."number_symbol" is not null and "par_evidence"."issued_on" is not null))
);
--> statement-breakpoint
CREATE TABLE "par_links" (
	"organization_id" uuid NOT NULL,
	"assessment_id" uuid NOT NULL,
	"criterion_code" text NOT NULL,
	"task_id" uuid NOT NULL,
	"decision" text NOT NULL,
	"decided_by_person_id" uuid,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "par_links_assessment_id_criterion_code_task_id_pk" PRIMARY KEY("assessment_id","criterion_code","task_id"),
	CONSTRAINT "par_links_decision" CHECK ("par_links"."decision" in ('confirmed', 'rejected'))
);
--> statement-breakpoint
CREATE TABLE "par_sets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"province" text NOT NULL,
	"year" integer NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"source" text NOT NULL,
	"file_name" text NOT NULL,
	"file_sha256" text NOT NULL,
	"criteria" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "par_assessments" ADD CONSTRAINT "par_assessments_set_id_par_sets_id_fk" FOREIGN KEY ("set_id") REFERENCES "public"."par_sets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "par_assessments" ADD CONSTRAINT "par_assessments_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "par_assessments" ADD CONSTRAINT "par_assessments_organization_id_chase_plan_id_plans_organization_id_id_fk" FOREIGN KEY ("organization_id","chase_plan_id") REFERENCES "public"."plans"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "par_entries" ADD CONSTRAINT "par_entries_organization_id_assessment_id_par_assessments_organization_id_id_fk" FOREIGN KEY ("organization_id","assessment_id") REFERENCES "public"."par_assessments"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "par_entries" ADD CONSTRAINT "par_entries_organization_id_updated_by_person_id_people_organization_id_id_fk" FOREIGN KEY ("organization_id","updated_by_person_id") REFERENCES "public"."people"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "par_evidence" ADD CONSTRAINT "par_evidence_organization_id_assessment_id_par_assessments_organization_id_id_fk" FOREIGN KEY ("organization_id","assessment_id") REFERENCES "public"."par_assessments"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "par_evidence" ADD CONSTRAINT "par_evidence_organization_id_created_by_person_id_people_organization_id_id_fk" FOREIGN KEY ("organization_id","created_by_person_id") REFERENCES "public"."people"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "par_links" ADD CONSTRAINT "par_links_organization_id_assessment_id_par_assessments_organization_id_id_fk" FOREIGN KEY ("organization_id","assessment_id") REFERENCES "public"."par_assessments"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "par_links" ADD CONSTRAINT "par_links_organization_id_task_id_tasks_organization_id_id_fk" FOREIGN KEY ("organization_id","task_id") REFERENCES "public"."tasks"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "par_links" ADD CONSTRAINT "par_links_organization_id_decided_by_person_id_people_organization_id_id_fk" FOREIGN KEY ("organization_id","decided_by_person_id") REFERENCES "public"."people"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "par_assessments_org_year_unique" ON "par_assessments" USING btree ("organization_id","year");--> statement-breakpoint
CREATE INDEX "par_evidence_criterion_idx" ON "par_evidence" USING btree ("assessment_id","criterion_code");--> statement-breakpoint
CREATE UNIQUE INDEX "par_sets_province_year_version_unique" ON "par_sets" USING btree ("province","year","version");