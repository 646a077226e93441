CREATE TABLE "directions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"program_id" uuid NOT NULL,
	"group" text NOT NULL,
	"plan_summary" text DEFAULT '' NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"name_en" text DEFAULT '' NOT NULL,
	"confirmed" boolean DEFAULT false NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"retired" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "directions_program_code" UNIQUE("program_id","code"),
	CONSTRAINT "directions_code_format" CHECK ("directions"."code" ~ '^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$')
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"program_id" uuid NOT NULL,
	"subfield_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"unit" text DEFAULT '' NOT NULL,
	"better" text,
	"plan_target_text" text,
	"plan_comparator" text,
	"plan_value" double precision,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"name_en" text DEFAULT '' NOT NULL,
	"confirmed" boolean DEFAULT false NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"retired" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicators_program_code" UNIQUE("program_id","code"),
	CONSTRAINT "indicators_kind" CHECK ("indicators"."kind" IN ('number', 'boolean', 'text')),
	CONSTRAINT "indicators_number_has_better" CHECK (("indicators"."kind" = 'number') = ("indicators"."better" IS NOT NULL)),
	CONSTRAINT "indicators_better" CHECK ("indicators"."better" IS NULL OR "indicators"."better" IN ('higher', 'lower')),
	CONSTRAINT "indicators_comparator" CHECK ("indicators"."plan_comparator" IS NULL OR "indicators"."plan_comparator" IN ('<', '<=', '>', '>=')),
	CONSTRAINT "indicators_plan_value_with_comparator" CHECK (("indicators"."plan_comparator" IS NULL) = ("indicators"."plan_value" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "phase_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"program_id" uuid NOT NULL,
	"key" text NOT NULL,
	"old_opens_at" timestamp with time zone,
	"old_closes_at" timestamp with time zone,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"after_opening" boolean NOT NULL,
	"changed_at" timestamp with time zone NOT NULL,
	"changed_by" uuid
);
--> statement-breakpoint
CREATE TABLE "subfields" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"program_id" uuid NOT NULL,
	"direction_id" uuid NOT NULL,
	"finalists_quota" integer,
	"winners_quota" integer,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"name_en" text DEFAULT '' NOT NULL,
	"confirmed" boolean DEFAULT false NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"retired" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subfields_program_code" UNIQUE("program_id","code"),
	CONSTRAINT "subfields_quotas_positive" CHECK (coalesce("subfields"."finalists_quota", 1) > 0 AND coalesce("subfields"."winners_quota", 1) > 0)
);
--> statement-breakpoint
ALTER TABLE "directions" ADD CONSTRAINT "directions_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_subfield_id_subfields_id_fk" FOREIGN KEY ("subfield_id") REFERENCES "public"."subfields"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phase_changes" ADD CONSTRAINT "phase_changes_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subfields" ADD CONSTRAINT "subfields_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subfields" ADD CONSTRAINT "subfields_direction_id_directions_id_fk" FOREIGN KEY ("direction_id") REFERENCES "public"."directions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "indicators_subfield" ON "indicators" USING btree ("subfield_id");--> statement-breakpoint
CREATE INDEX "phase_changes_program" ON "phase_changes" USING btree ("program_id");--> statement-breakpoint
CREATE INDEX "subfields_direction" ON "subfields" USING btree ("direction_id");