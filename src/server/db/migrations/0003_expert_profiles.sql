CREATE TABLE "expert_profiles" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"organization_name" text NOT NULL,
	"organization_uscc" text,
	"region_code" text NOT NULL,
	"subfield_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"keywords" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "expert_profiles_uscc_format" CHECK ("expert_profiles"."organization_uscc" IS NULL OR "expert_profiles"."organization_uscc" ~ '^[0-9A-HJ-NP-RTUW-Y]{18}$')
);
--> statement-breakpoint
ALTER TABLE "expert_profiles" ADD CONSTRAINT "expert_profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "expert_profiles_uscc" ON "expert_profiles" USING btree ("organization_uscc");