-- Smaller rows per request (issue 17, "trim what each request stores"). Measured with
-- SQLite's dbstat on a 20,000-request bank: 6,207 bytes per request, 208 of them in
-- ledger_entries_account_id and 59 in requests_due.
--
-- ledger_entries_account_id (account_id) is a prefix of ledger_entries_account_time
-- (account_id, created_at_ms): every query that used it (a statement, the ledger
-- check's sums per account) is served by the longer one, so it only cost a write per
-- ledger entry and its pages.
DROP INDEX ledger_entries_account_id;

-- The sweeper's index held every request, closed ones too (their deadline is NULL);
-- it now holds only requests with a deadline to fire, so it stays the size of what is
-- open, not of the whole history. Its read (requests_store::due) says
-- `deadline_at_ms IS NOT NULL` as well, so both databases use it.
DROP INDEX requests_due;
CREATE INDEX requests_due ON requests (deadline_at_ms, id)
    WHERE needs_attention = 0 AND deadline_at_ms IS NOT NULL;
