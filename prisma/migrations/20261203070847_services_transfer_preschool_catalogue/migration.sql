-- The catalogue's new reference rows (a separate migration: an enum value added in a transaction cannot be
-- used before that transaction commits). Time limits in calendar days: for a transfer, both schools'
-- decisions; for the preschool queue, an offered place's answer.
INSERT INTO "ServiceDefinition" ("kind", "timeLimitDays", "active", "sortOrder") VALUES
  ('TRANSFER', 5, true, 3),
  ('PRESCHOOL', 5, true, 4);
