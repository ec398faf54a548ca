-- The transaction's facts on its decision and its alert, so that a reviewer sees what was bought, where and how
-- without a join with the transactions topic. Nullable: rows written before they were carried have none.
ALTER TABLE decisions
    ADD COLUMN merchant_category text,
    ADD COLUMN country           text,
    ADD COLUMN latitude          double precision,
    ADD COLUMN longitude         double precision,
    ADD COLUMN channel           text;

ALTER TABLE alerts
    ADD COLUMN amount            numeric(19,4),
    ADD COLUMN currency          char(3),
    ADD COLUMN merchant_id       text,
    ADD COLUMN merchant_category text,
    ADD COLUMN country           text,
    ADD COLUMN channel           text;
