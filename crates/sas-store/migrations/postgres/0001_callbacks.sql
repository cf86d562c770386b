-- The outbox: one row per callback. Times are milliseconds since the epoch; the callback is
-- sas-hyper's serde JSON (kept as text, byte for byte), its attempts a JSON array. A lease is
-- (lease_token, lease_until): held while lease_until is set, taken again once it has passed.
CREATE TABLE sas_callbacks (
    id              BIGINT   GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    state           TEXT     NOT NULL CHECK (state IN ('pending', 'delivered', 'dead')),
    callback        TEXT     NOT NULL,
    enqueued_at     BIGINT   NOT NULL,
    next_attempt_at BIGINT   NOT NULL,
    attempts        JSONB    NOT NULL DEFAULT '[]',
    round_attempts  INTEGER  NOT NULL DEFAULT 0,
    lease_token     BIGINT   NOT NULL DEFAULT 0,
    lease_until     BIGINT,
    finished_at     BIGINT
);

-- What lease_due and next_due read.
CREATE INDEX sas_callbacks_due ON sas_callbacks (next_attempt_at, id) WHERE state = 'pending';
-- What list reads.
CREATE INDEX sas_callbacks_state ON sas_callbacks (state, id);
-- What pruning reads.
CREATE INDEX sas_callbacks_finished ON sas_callbacks (finished_at) WHERE state = 'delivered';
