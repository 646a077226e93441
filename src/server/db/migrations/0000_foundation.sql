CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text NOT NULL,
	"roles" text[] DEFAULT '{}'::text[] NOT NULL,
	"program_ids" uuid[],
	"disabled" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_roles_known" CHECK ("users"."roles" <@ ARRAY['applicant', 'org_admin', 'recommender', 'program_admin', 'expert', 'lab', 'system_admin', 'security_admin', 'audit_admin']::text[]),
	CONSTRAINT "users_password_hash_argon2" CHECK ("users"."password_hash" LIKE '$argon2id$%')
);
--> statement-breakpoint
CREATE TABLE "program_phases" (
	"program_id" uuid NOT NULL,
	"key" text NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "program_phases_program_id_key_pk" PRIMARY KEY("program_id","key"),
	CONSTRAINT "program_phases_key" CHECK ("program_phases"."key" IN ('application', 'recommendation', 'review', 'finalist_notice', 'attack', 'evaluation', 'winner_notice')),
	CONSTRAINT "program_phases_order" CHECK ("program_phases"."opens_at" < "program_phases"."closes_at")
);
--> statement-breakpoint
CREATE TABLE "programs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"title_en" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"built_in" boolean DEFAULT false NOT NULL,
	"finalists_per_subfield" integer DEFAULT 5 NOT NULL,
	"winners_per_subfield" integer DEFAULT 3 NOT NULL,
	"applications_per_applicant" integer DEFAULT 3 NOT NULL,
	"sections" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programs_code_unique" UNIQUE("code"),
	CONSTRAINT "programs_code_format" CHECK ("programs"."code" ~ '^[a-z0-9][a-z0-9-]{1,39}$'),
	CONSTRAINT "programs_quotas_positive" CHECK ("programs"."finalists_per_subfield" > 0 AND "programs"."winners_per_subfield" > 0 AND "programs"."applications_per_applicant" > 0),
	CONSTRAINT "programs_winners_within_finalists" CHECK ("programs"."winners_per_subfield" <= "programs"."finalists_per_subfield")
);
--> statement-breakpoint
CREATE TABLE "app_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "program_phases" ADD CONSTRAINT "program_phases_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_unique" ON "users" USING btree (lower("email"));