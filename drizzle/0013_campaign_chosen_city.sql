CREATE TABLE "campaign_chosen_city" (
	"campaign_id" uuid NOT NULL,
	"city_id" uuid NOT NULL,
	CONSTRAINT "campaign_chosen_city_campaign_id_city_id_pk" PRIMARY KEY("campaign_id","city_id")
);
--> statement-breakpoint
ALTER TABLE "campaign_chosen_city" ADD CONSTRAINT "campaign_chosen_city_campaign_id_campaign_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaign"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_chosen_city" ADD CONSTRAINT "campaign_chosen_city_city_id_city_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."city"("id") ON DELETE cascade ON UPDATE no action;