-- The outbox: one row per callback. Times are milliseconds since the epoch; the callback and
-- its attempts are sas-hyper's serde JSON. A lease is (lease_token, lease_until): held while
-- lease_until is set, taken again once it has passed.
CREATE TABLE sas_callbacks (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    state           TEXT    NOT NULL CHECK (state IN ('pending', 'delivered', 'dead')),
    callback        TEXT    NOT NULL,
    enqueued_at     INTEGER NOT NULL,
    next_attempt_at INTEGER NOT NULL,
    attempts        TEXT    NOT NULL DEFAULT '[]',
    round_attempts  INTEGER NOT NULL DEFAULT 0,
    lease_token     INTEGER NOT NULL DEFAULT 0,
    lease_until     INTEGER,
    finished_at     INTEGER
);

-- What lease_due and next_due read.
CREATE INDEX sas_callbacks_due ON sas_callbacks (next_attempt_at, id) WHERE state = 'pending';
-- What list reads.
CREATE INDEX sas_callbacks_state ON sas_callbacks (state, id);
-- What pruning reads.
CREATE INDEX sas_callbacks_finished ON sas_callbacks (finished_at) WHERE state = 'delivered';
