-- One row per scored transaction. Partitioned by month of event time so that retention is a DROP of an
-- old partition rather than a DELETE over hundreds of millions of rows. The key includes the partition
-- column, as PostgreSQL requires; a replayed decision carries the same event time, so writes stay idempotent.
CREATE TABLE decisions (
    transaction_id text          NOT NULL,
    card_id        text          NOT NULL,
    outcome        text          NOT NULL CHECK (outcome IN ('APPROVE', 'REVIEW', 'DECLINE')),
    score          integer       NOT NULL CHECK (score BETWEEN 0 AND 1000),
    reasons        jsonb         NOT NULL,
    amount         numeric(19,4) NOT NULL,
    currency       char(3)       NOT NULL,
    merchant_id    text          NOT NULL,
    rules_version  text          NOT NULL,
    event_time     timestamptz   NOT NULL,
    decided_at     timestamptz   NOT NULL,
    written_at     timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (transaction_id, event_time)
) PARTITION BY RANGE (event_time);

-- Events outside every monthly partition (very late, or clock-skewed) are still stored.
CREATE TABLE decisions_default PARTITION OF decisions DEFAULT;

-- A card's history, newest first, for investigators.
CREATE INDEX decisions_card_event_time ON decisions (card_id, event_time DESC);

-- Transactions that need a person: every REVIEW and DECLINE, with its review status.
CREATE TABLE alerts (
    transaction_id text        PRIMARY KEY,
    card_id        text        NOT NULL,
    outcome        text        NOT NULL CHECK (outcome IN ('REVIEW', 'DECLINE')),
    score          integer     NOT NULL,
    reasons        jsonb       NOT NULL,
    event_time     timestamptz NOT NULL,
    raised_at      timestamptz NOT NULL DEFAULT now(),
    status         text        NOT NULL DEFAULT 'OPEN'
                               CHECK (status IN ('OPEN', 'CONFIRMED_FRAUD', 'FALSE_POSITIVE')),
    resolved_at    timestamptz
);

-- The review queue, oldest first.
CREATE INDEX alerts_open_queue ON alerts (raised_at) WHERE status = 'OPEN';
CREATE INDEX alerts_card_event_time ON alerts (card_id, event_time DESC);

-- Creates the monthly partitions from this month to months_ahead months from now, if missing.
CREATE FUNCTION ensure_decision_partitions(months_ahead integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    first_day date := date_trunc('month', now())::date;
    partition  text;
BEGIN
    FOR i IN 0..months_ahead LOOP
        partition := 'decisions_' || to_char(first_day, 'YYYY_MM');
        IF to_regclass(partition) IS NULL THEN
            EXECUTE format('CREATE TABLE %I PARTITION OF decisions FOR VALUES FROM (%L) TO (%L)',
                           partition, first_day, (first_day + interval '1 month')::date);
        END IF;
        first_day := (first_day + interval '1 month')::date;
    END LOOP;
END $$;

-- Drops the monthly partitions that end before the first day of the month keep_months ago.
CREATE FUNCTION drop_decision_partitions_older_than(keep_months integer) RETURNS SETOF text LANGUAGE plpgsql AS $$
DECLARE
    cutoff    date := (date_trunc('month', now()) - make_interval(months => keep_months))::date;
    partition text;
BEGIN
    FOR partition IN
        SELECT child.relname FROM pg_inherits
        JOIN pg_class child ON child.oid = pg_inherits.inhrelid
        JOIN pg_class parent ON parent.oid = pg_inherits.inhparent
        WHERE parent.relname = 'decisions' AND child.relname ~ '^decisions_[0-9]{4}_[0-9]{2}$'
    LOOP
        IF (to_date(substring(partition FROM 11), 'YYYY_MM') + interval '1 month')::date <= cutoff THEN
            EXECUTE format('ALTER TABLE decisions DETACH PARTITION %I', partition);
            EXECUTE format('DROP TABLE %I', partition);
            RETURN NEXT partition;
        END IF;
    END LOOP;
END $$;

SELECT ensure_decision_partitions(3);
