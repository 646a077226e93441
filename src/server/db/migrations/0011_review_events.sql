CREATE TABLE "review_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"program_id" uuid NOT NULL,
	"round" text NOT NULL,
	"application_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"scheduled_at" timestamp with time zone NOT NULL,
	"place" text NOT NULL,
	"members" text[] NOT NULL,
	"findings" text DEFAULT '' NOT NULL,
	"report_name" text,
	"report_size" bigint,
	"report_sha256" text,
	"report_sm3" text,
	"report_key" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "review_events_report_key_unique" UNIQUE("report_key"),
	CONSTRAINT "review_events_kind" CHECK ("review_events"."kind" IN ('defence', 'onsite'))
);
--> statement-breakpoint
ALTER TABLE "review_events" ADD CONSTRAINT "review_events_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_events" ADD CONSTRAINT "review_events_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_events" ADD CONSTRAINT "review_events_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "review_events_round" ON "review_events" USING btree ("program_id","round");--> statement-breakpoint
CREATE INDEX "review_events_application" ON "review_events" USING btree ("application_id");