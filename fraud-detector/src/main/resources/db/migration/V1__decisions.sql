-- One row per scored transaction; the primary key makes every write idempotent.
CREATE TABLE decisions (
    transaction_id text          PRIMARY KEY,
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
    written_at     timestamptz   NOT NULL DEFAULT now()
);

-- A card's history, newest first, for investigators.
CREATE INDEX decisions_card_event_time ON decisions (card_id, event_time DESC);
