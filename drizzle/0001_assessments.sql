CREATE TYPE "public"."answer_kind" AS ENUM('rated', 'dont_know', 'not_applicable');--> statement-breakpoint
CREATE TYPE "public"."assessment_status" AS ENUM('in_progress', 'submitted');--> statement-breakpoint
CREATE TYPE "public"."assessment_visibility" AS ENUM('private', 'network', 'public');--> statement-breakpoint
CREATE TYPE "public"."context_limit" AS ENUM('not_at_all', 'somewhat', 'strongly');--> statement-breakpoint
CREATE TYPE "public"."respondent_group" AS ENUM('city_staff', 'partner_organisation', 'migrant');--> statement-breakpoint
CREATE TABLE "answer" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assessment_id" uuid NOT NULL,
	"guide_question_id" uuid NOT NULL,
	"respondent_id" uuid,
	"kind" "answer_kind",
	"rating" smallint,
	"evidence" text DEFAULT '' NOT NULL,
	"links" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	CONSTRAINT "answer_once" UNIQUE NULLS NOT DISTINCT("assessment_id","guide_question_id","respondent_id")
);
--> statement-breakpoint
CREATE TABLE "assessment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"city_id" uuid NOT NULL,
	"benchmark_id" uuid NOT NULL,
	"benchmark_slug" text NOT NULL,
	"cycle" text NOT NULL,
	"status" "assessment_status" DEFAULT 'in_progress' NOT NULL,
	"visibility" "assessment_visibility" DEFAULT 'private' NOT NULL,
	"previous_id" uuid,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone,
	"submitted_by" text,
	CONSTRAINT "assessment_city_benchmark_cycle" UNIQUE("city_id","benchmark_slug","cycle")
);
--> statement-breakpoint
CREATE TABLE "attachment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"answer_id" uuid NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"storage_key" text NOT NULL,
	"uploaded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "context_note" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assessment_id" uuid NOT NULL,
	"context_factor_id" uuid NOT NULL,
	"limit" "context_limit",
	"why" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "context_note_once" UNIQUE("assessment_id","context_factor_id")
);
--> statement-breakpoint
CREATE TABLE "respondent" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assessment_id" uuid NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"group" "respondent_group" NOT NULL,
	"token_hash" text NOT NULL,
	"invited_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_answered_at" timestamp with time zone,
	CONSTRAINT "respondent_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "respondent_assessment_email" UNIQUE("assessment_id","email")
);
--> statement-breakpoint
ALTER TABLE "answer" ADD CONSTRAINT "answer_assessment_id_assessment_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessment"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "answer" ADD CONSTRAINT "answer_guide_question_id_guide_question_id_fk" FOREIGN KEY ("guide_question_id") REFERENCES "public"."guide_question"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "answer" ADD CONSTRAINT "answer_respondent_id_respondent_id_fk" FOREIGN KEY ("respondent_id") REFERENCES "public"."respondent"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "answer" ADD CONSTRAINT "answer_updated_by_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment" ADD CONSTRAINT "assessment_city_id_city_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."city"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment" ADD CONSTRAINT "assessment_benchmark_id_benchmark_id_fk" FOREIGN KEY ("benchmark_id") REFERENCES "public"."benchmark"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment" ADD CONSTRAINT "assessment_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment" ADD CONSTRAINT "assessment_submitted_by_user_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachment" ADD CONSTRAINT "attachment_answer_id_answer_id_fk" FOREIGN KEY ("answer_id") REFERENCES "public"."answer"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachment" ADD CONSTRAINT "attachment_uploaded_by_user_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "context_note" ADD CONSTRAINT "context_note_assessment_id_assessment_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessment"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "context_note" ADD CONSTRAINT "context_note_context_factor_id_context_factor_id_fk" FOREIGN KEY ("context_factor_id") REFERENCES "public"."context_factor"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "respondent" ADD CONSTRAINT "respondent_assessment_id_assessment_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessment"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "respondent" ADD CONSTRAINT "respondent_invited_by_user_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "answer_assessment_idx" ON "answer" USING btree ("assessment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_one_open_idx" ON "assessment" USING btree ("city_id","benchmark_slug") WHERE "assessment"."status" = 'in_progress';--> statement-breakpoint
CREATE INDEX "assessment_city_idx" ON "assessment" USING btree ("city_id");--> statement-breakpoint
CREATE INDEX "assessment_visibility_idx" ON "assessment" USING btree ("visibility","status");--> statement-breakpoint
CREATE INDEX "attachment_answer_idx" ON "attachment" USING btree ("answer_id");--> statement-breakpoint
CREATE INDEX "respondent_assessment_idx" ON "respondent" USING btree ("assessment_id");