-- The admin dashboard and a member's statement at any size (issue 17): neither reads
-- the whole history any more.
-- The counts are kept by the transactions that write history rows
-- (app/src/server/counts_store.rs), split over `shard` rows so concurrent writers on
-- PostgreSQL rarely wait for each other; readers sum the shards. The history already
-- stored is counted here, once, into shard 0.

-- History rows per UTC day (at_ms / 86400000), from-state ('' for a request's first
-- row), to-state and event.
CREATE TABLE transition_counts (
    day_number  BIGINT NOT NULL,
    from_state  TEXT NOT NULL,
    to_state    TEXT NOT NULL,
    event       TEXT NOT NULL,
    shard       BIGINT NOT NULL,
    transitions BIGINT NOT NULL,
    PRIMARY KEY (day_number, from_state, to_state, event, shard)
);
CREATE INDEX transition_counts_event ON transition_counts (event, from_state);
INSERT INTO transition_counts (day_number, from_state, to_state, event, shard, transitions)
SELECT at_ms / 86400000, COALESCE(from_state, ''), to_state, event, 0, COUNT(*)
FROM request_events
GROUP BY at_ms / 86400000, COALESCE(from_state, ''), to_state, event;

-- Requests per state: +1 into each history row's to-state, -1 out of its from-state.
CREATE TABLE state_counts (
    state    TEXT NOT NULL,
    shard    BIGINT NOT NULL,
    requests BIGINT NOT NULL,
    PRIMARY KEY (state, shard)
);
INSERT INTO state_counts (state, shard, requests)
SELECT state, 0, COUNT(*) FROM requests GROUP BY state;

-- The timing figures read the requests made in the chart's window; the lists of what
-- needs an admin read only the few rows that do (partial indexes, on both databases).
CREATE INDEX requests_created ON requests (created_at_ms);
CREATE INDEX requests_needing_attention ON requests (updated_at_ms, id) WHERE needs_attention = 1;
CREATE INDEX disputes_open ON disputes (opened_at_ms, request_id) WHERE outcome IS NULL;

-- The last ledger check of the health watch (every 30 s), which the dashboard shows
-- instead of adding up every ledger entry on each load. One row (id 1).
CREATE TABLE ledger_checks (
    id                   BIGINT PRIMARY KEY,
    checked_at_ms        BIGINT NOT NULL,
    total_minutes        BIGINT NOT NULL,
    mismatched_accounts  BIGINT NOT NULL,
    negative_accounts    BIGINT NOT NULL,
    unbalanced_transfers BIGINT NOT NULL
);

-- A member's statement reads their latest entries by this index instead of joining
-- every transfer: each entry carries its transfer's time.
ALTER TABLE ledger_entries ADD COLUMN created_at_ms BIGINT NOT NULL DEFAULT 0;
UPDATE ledger_entries SET created_at_ms =
    (SELECT t.created_at_ms FROM ledger_transfers t WHERE t.id = ledger_entries.transfer_id);
CREATE INDEX ledger_entries_account_time ON ledger_entries (account_id, created_at_ms);
