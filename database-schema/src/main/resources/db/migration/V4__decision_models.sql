-- What each fraud model in force made of the transaction (its version, ACTIVE or SHADOW, probability and points),
-- as on the decision: a shadow model is compared with the active one from here before it is put in force.
-- Nullable: rows written before models were scored, and decisions no model scored, have none.
ALTER TABLE decisions ADD COLUMN models jsonb;
