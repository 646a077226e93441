CREATE TABLE "reviews" (
	"assignment_id" uuid PRIMARY KEY NOT NULL,
	"scores" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"total" double precision,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone,
	CONSTRAINT "reviews_state" CHECK ("reviews"."state" IN ('draft', 'submitted')),
	CONSTRAINT "reviews_submitted_total" CHECK (("reviews"."state" = 'submitted') = ("reviews"."total" IS NOT NULL AND "reviews"."submitted_at" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "round_entries" (
	"program_id" uuid NOT NULL,
	"round" text NOT NULL,
	"application_id" uuid NOT NULL,
	"advanced_by" uuid NOT NULL,
	"advanced_at" timestamp with time zone NOT NULL,
	CONSTRAINT "round_entries_program_id_round_application_id_pk" PRIMARY KEY("program_id","round","application_id")
);
--> statement-breakpoint
ALTER TABLE "review_assignments" DROP CONSTRAINT "review_assignments_status";--> statement-breakpoint
ALTER TABLE "review_rounds" ADD COLUMN "reviewers_per_application" integer DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE "review_rounds" ADD COLUMN "max_per_expert" integer DEFAULT 10 NOT NULL;--> statement-breakpoint
ALTER TABLE "review_rounds" ADD COLUMN "due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "review_rounds" ADD COLUMN "peer_visibility" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "review_assignments" ADD COLUMN "no_conflict_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "review_assignments" ADD COLUMN "declined_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "review_assignments" ADD COLUMN "conflict_reason" text;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_assignment_id_review_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."review_assignments"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_entries" ADD CONSTRAINT "round_entries_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_entries" ADD CONSTRAINT "round_entries_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_entries" ADD CONSTRAINT "round_entries_advanced_by_users_id_fk" FOREIGN KEY ("advanced_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_rounds" ADD CONSTRAINT "review_rounds_reviewers" CHECK ("review_rounds"."reviewers_per_application" BETWEEN 1 AND 20);--> statement-breakpoint
ALTER TABLE "review_rounds" ADD CONSTRAINT "review_rounds_max_per_expert" CHECK ("review_rounds"."max_per_expert" BETWEEN 1 AND 500);--> statement-breakpoint
ALTER TABLE "review_assignments" ADD CONSTRAINT "review_assignments_status" CHECK ("review_assignments"."status" IN ('draft', 'released', 'declined'));