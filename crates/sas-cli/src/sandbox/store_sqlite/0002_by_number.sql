-- Orders and refunds found by their number alone (the admin endpoints' `pay` and `complete`
-- without `?mchid=`), through an index rather than a scan of every record.
CREATE INDEX sandbox_orders_by_number ON sandbox_orders (out_trade_no);
CREATE INDEX sandbox_refunds_by_number ON sandbox_refunds (out_refund_no);
