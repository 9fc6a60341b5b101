-- Custom migration: survey results read answers by (campaign, question, cell, number) and need
-- the response (to leave out responses not submitted) and the text (choices, commitments) too.
-- With both included the figures are read from the index alone (an index-only scan, in the
-- order the median needs), never from the table. Drizzle's schema cannot declare INCLUDE, so
-- schema.ts keeps naming the index by its key columns.
DROP INDEX IF EXISTS "survey_answer_campaign_question_idx";--> statement-breakpoint
CREATE INDEX "survey_answer_campaign_question_idx" ON "survey_answer" USING btree ("campaign_id","question_key","cell","number") INCLUDE ("response_id","text");
