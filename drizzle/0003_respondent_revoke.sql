CREATE TABLE "respondent_former_token" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"respondent_id" uuid NOT NULL,
	"replaced_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "respondent" ADD COLUMN "revoked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "respondent" ADD COLUMN "revoked_by" text;--> statement-breakpoint
ALTER TABLE "respondent_former_token" ADD CONSTRAINT "respondent_former_token_respondent_id_respondent_id_fk" FOREIGN KEY ("respondent_id") REFERENCES "public"."respondent"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "respondent_former_token_respondent_idx" ON "respondent_former_token" USING btree ("respondent_id","replaced_at");--> statement-breakpoint
ALTER TABLE "respondent" ADD CONSTRAINT "respondent_revoked_by_user_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;