CREATE TABLE "review_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"program_id" uuid NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"name_en" text DEFAULT '' NOT NULL,
	"phase" text DEFAULT 'review' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"criteria" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "review_rounds_program_key" UNIQUE("program_id","key"),
	CONSTRAINT "review_rounds_key_format" CHECK ("review_rounds"."key" ~ '^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$'),
	CONSTRAINT "review_rounds_phase" CHECK ("review_rounds"."phase" IN ('review', 'evaluation'))
);
--> statement-breakpoint
ALTER TABLE "review_rounds" ADD CONSTRAINT "review_rounds_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;