-- The sandbox's records (`sas sandbox --data DIR`), beside sas-store's `sas_callbacks`.
-- Each record is its JSON (the model's serde form) with the columns it is found by; `seq`
-- keeps the order records were first stored in.
CREATE TABLE sandbox_users (
    user_id TEXT PRIMARY KEY,
    record  TEXT NOT NULL
);

CREATE TABLE sandbox_codes (
    code       TEXT PRIMARY KEY,
    user_id    TEXT NOT NULL,
    kind       TEXT NOT NULL,
    expires_at INTEGER NOT NULL
);

CREATE TABLE sandbox_orders (
    seq            INTEGER PRIMARY KEY AUTOINCREMENT,
    mchid          TEXT NOT NULL,
    out_trade_no   TEXT NOT NULL,
    transaction_id TEXT NOT NULL,
    fingerprint    TEXT NOT NULL,
    record         TEXT NOT NULL,
    UNIQUE (mchid, out_trade_no)
);
CREATE INDEX sandbox_orders_by_transaction ON sandbox_orders (mchid, transaction_id);

CREATE TABLE sandbox_refunds (
    seq           INTEGER PRIMARY KEY AUTOINCREMENT,
    mchid         TEXT NOT NULL,
    out_refund_no TEXT NOT NULL,
    out_trade_no  TEXT NOT NULL,
    fingerprint   TEXT NOT NULL,
    record        TEXT NOT NULL,
    UNIQUE (mchid, out_refund_no)
);
CREATE INDEX sandbox_refunds_by_order ON sandbox_refunds (mchid, out_trade_no);

CREATE TABLE sandbox_messages (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    received_at INTEGER NOT NULL,
    message     TEXT NOT NULL
);
