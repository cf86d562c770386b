-- The receiver's duplicate store: one row per notification claimed or handled.
CREATE TABLE sas_seen (
    id           TEXT    PRIMARY KEY,
    done         INTEGER NOT NULL CHECK (done IN (0, 1)),
    claimed_at   INTEGER NOT NULL,
    completed_at INTEGER
);

CREATE INDEX sas_seen_completed ON sas_seen (completed_at) WHERE done = 1;
