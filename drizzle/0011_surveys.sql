CREATE TYPE "public"."campaign_status" AS ENUM('draft', 'sent', 'closed');--> statement-breakpoint
CREATE TYPE "public"."campaign_target" AS ENUM('signatories', 'members', 'chosen');--> statement-breakpoint
CREATE TYPE "public"."survey_response_status" AS ENUM('not_started', 'in_progress', 'submitted');--> statement-breakpoint
CREATE TYPE "public"."survey_version_status" AS ENUM('draft', 'published');--> statement-breakpoint
CREATE TABLE "campaign" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"survey_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"edition" text NOT NULL,
	"target" "campaign_target" NOT NULL,
	"status" "campaign_status" DEFAULT 'draft' NOT NULL,
	"opens_on" date,
	"closes_on" date,
	"reminder_days" integer DEFAULT 7 NOT NULL,
	"message" jsonb DEFAULT '{"en":""}'::jsonb NOT NULL,
	"results_published_at" timestamp with time zone,
	"public_questions" text[] DEFAULT '{}' NOT NULL,
	"reported_note" jsonb,
	"source" text,
	"from_seed" boolean DEFAULT false NOT NULL,
	"sent_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaign_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "survey_response_section" (
	"response_id" uuid NOT NULL,
	"section_key" text NOT NULL,
	"assignee_id" text,
	"completed_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_response_section_response_id_section_key_pk" PRIMARY KEY("response_id","section_key")
);
--> statement-breakpoint
CREATE TABLE "survey" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"title" jsonb NOT NULL,
	"summary" jsonb DEFAULT '{"en":""}'::jsonb NOT NULL,
	"from_seed" boolean DEFAULT false NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "survey_answer" (
	"response_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"question_key" text NOT NULL,
	"cell" text DEFAULT '' NOT NULL,
	"number" double precision,
	"text" text,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_answer_response_id_question_key_cell_pk" PRIMARY KEY("response_id","question_key","cell")
);
--> statement-breakpoint
CREATE TABLE "survey_response" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"city_id" uuid NOT NULL,
	"status" "survey_response_status" DEFAULT 'not_started' NOT NULL,
	"revision" integer DEFAULT 0 NOT NULL,
	"submitted_at" timestamp with time zone,
	"submitted_by" text,
	"reopen_requested_at" timestamp with time zone,
	"reopen_reason" text,
	"reopened_at" timestamp with time zone,
	"last_reminded_at" timestamp with time zone,
	"from_seed" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_response_campaign_city_uq" UNIQUE("campaign_id","city_id")
);
--> statement-breakpoint
CREATE TABLE "survey_version" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"survey_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"status" "survey_version_status" DEFAULT 'draft' NOT NULL,
	"definition" jsonb NOT NULL,
	"revision" integer DEFAULT 0 NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	CONSTRAINT "survey_version_number_uq" UNIQUE("survey_id","number")
);
--> statement-breakpoint
ALTER TABLE "signatory" ADD COLUMN "recorded_by" text;--> statement-breakpoint
ALTER TABLE "signatory" ADD COLUMN "recorded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "campaign" ADD CONSTRAINT "campaign_survey_id_survey_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."survey"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign" ADD CONSTRAINT "campaign_version_id_survey_version_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."survey_version"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign" ADD CONSTRAINT "campaign_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_response_section" ADD CONSTRAINT "survey_response_section_response_id_survey_response_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."survey_response"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_response_section" ADD CONSTRAINT "survey_response_section_assignee_id_user_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey" ADD CONSTRAINT "survey_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_answer" ADD CONSTRAINT "survey_answer_response_id_survey_response_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."survey_response"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_answer" ADD CONSTRAINT "survey_answer_campaign_id_campaign_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaign"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_answer" ADD CONSTRAINT "survey_answer_updated_by_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_response" ADD CONSTRAINT "survey_response_campaign_id_campaign_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaign"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_response" ADD CONSTRAINT "survey_response_city_id_city_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."city"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_response" ADD CONSTRAINT "survey_response_submitted_by_user_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_version" ADD CONSTRAINT "survey_version_survey_id_survey_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."survey"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_version" ADD CONSTRAINT "survey_version_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "campaign_survey_idx" ON "campaign" USING btree ("survey_id");--> statement-breakpoint
CREATE INDEX "survey_answer_campaign_question_idx" ON "survey_answer" USING btree ("campaign_id","question_key","cell","number");--> statement-breakpoint
CREATE INDEX "survey_response_city_idx" ON "survey_response" USING btree ("city_id");--> statement-breakpoint
ALTER TABLE "signatory" ADD CONSTRAINT "signatory_recorded_by_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;