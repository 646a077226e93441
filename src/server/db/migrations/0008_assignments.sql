CREATE TABLE "expert_ties" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"expert_id" uuid NOT NULL,
	"organization_name" text NOT NULL,
	"uscc" text,
	"kind" text NOT NULL,
	"ended_on" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "expert_ties_kind" CHECK ("expert_ties"."kind" IN ('employment', 'board', 'shareholding', 'other')),
	CONSTRAINT "expert_ties_ended_on" CHECK ("expert_ties"."ended_on" IS NULL OR "expert_ties"."ended_on" ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$')
);
--> statement-breakpoint
CREATE TABLE "assignment_bans" (
	"program_id" uuid NOT NULL,
	"round" text NOT NULL,
	"application_id" uuid NOT NULL,
	"expert_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assignment_bans_program_id_round_application_id_expert_id_pk" PRIMARY KEY("program_id","round","application_id","expert_id")
);
--> statement-breakpoint
CREATE TABLE "review_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"program_id" uuid NOT NULL,
	"round" text NOT NULL,
	"application_id" uuid NOT NULL,
	"expert_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"affinity" integer NOT NULL,
	"subfield_match" boolean DEFAULT false NOT NULL,
	"shared_terms" text[] DEFAULT '{}'::text[] NOT NULL,
	"pinned" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"released_at" timestamp with time zone,
	CONSTRAINT "review_assignments_status" CHECK ("review_assignments"."status" IN ('draft', 'released'))
);
--> statement-breakpoint
ALTER TABLE "expert_profiles" ADD COLUMN "organization_parent_uscc" text;--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "conflict_same_province" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "expert_ties" ADD CONSTRAINT "expert_ties_expert_id_users_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_bans" ADD CONSTRAINT "assignment_bans_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_bans" ADD CONSTRAINT "assignment_bans_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_bans" ADD CONSTRAINT "assignment_bans_expert_id_users_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_assignments" ADD CONSTRAINT "review_assignments_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_assignments" ADD CONSTRAINT "review_assignments_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_assignments" ADD CONSTRAINT "review_assignments_expert_id_users_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "expert_ties_expert" ON "expert_ties" USING btree ("expert_id");--> statement-breakpoint
CREATE UNIQUE INDEX "review_assignments_pair" ON "review_assignments" USING btree ("program_id","round","application_id","expert_id");--> statement-breakpoint
CREATE INDEX "review_assignments_expert" ON "review_assignments" USING btree ("expert_id","status");