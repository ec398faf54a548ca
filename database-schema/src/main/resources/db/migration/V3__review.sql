-- Analysts' review of alerts (the review console): the verdict on each alert, who gave it, and an audit trail of
-- every action taken on one.

-- ESCALATED: handed to a senior analyst, still open. FALSE_POSITIVE was never written by any service; it is
-- renamed to the verdict's own word, LEGITIMATE, which is also the label sent to the detector.
ALTER TABLE alerts DROP CONSTRAINT alerts_status_check;
UPDATE alerts SET status = 'LEGITIMATE' WHERE status = 'FALSE_POSITIVE';
ALTER TABLE alerts ADD CONSTRAINT alerts_status_check
    CHECK (status IN ('OPEN', 'ESCALATED', 'CONFIRMED_FRAUD', 'LEGITIMATE'));

-- resolution: the analyst's note on the action that last changed the status; analyst: who took it.
ALTER TABLE alerts
    ADD COLUMN resolution text,
    ADD COLUMN analyst    text;

-- The queue: open alerts, highest score first, then newest, the transaction ID breaking ties so that a page
-- boundary (score, raised_at, transaction_id) is a unique key to continue from. Partial, so that resolved
-- alerts, the bulk of the table over time, cost it nothing.
DROP INDEX alerts_open_queue;
CREATE INDEX alerts_queue ON alerts (score DESC, raised_at DESC, transaction_id DESC)
    WHERE status IN ('OPEN', 'ESCALATED');

-- The same order within one status, for a queue filtered on a resolved status and for the overview's precision.
CREATE INDEX alerts_status_queue ON alerts (status, score DESC, raised_at DESC, transaction_id DESC);

-- The reason-code filter, a containment test: reasons @> '[{"code": "VELOCITY_1M"}]'.
CREATE INDEX alerts_reasons ON alerts USING gin (reasons jsonb_path_ops);

CREATE INDEX alerts_merchant ON alerts (merchant_id, raised_at DESC);

-- Alert volume per day and hour on the overview.
CREATE INDEX alerts_raised_at ON alerts (raised_at);

-- Every action taken on an alert: who, when, what, and the alert's state before and after it. Appended only.
CREATE TABLE alert_actions (
    id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    transaction_id text        NOT NULL REFERENCES alerts (transaction_id),
    card_id        text        NOT NULL,
    action         text        NOT NULL
                               CHECK (action IN ('CONFIRM_FRAUD', 'MARK_LEGITIMATE', 'ESCALATE', 'BLOCK_CARD')),
    analyst        text        NOT NULL,
    note           text        NOT NULL DEFAULT '',
    before         jsonb       NOT NULL,
    after          jsonb       NOT NULL,
    acted_at       timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX alert_actions_transaction ON alert_actions (transaction_id, acted_at);
