-- The receiver's duplicate store: one row per notification claimed or handled.
CREATE TABLE sas_seen (
    id           TEXT    PRIMARY KEY,
    done         BOOLEAN NOT NULL,
    claimed_at   BIGINT  NOT NULL,
    completed_at BIGINT
);

CREATE INDEX sas_seen_completed ON sas_seen (completed_at) WHERE done;
