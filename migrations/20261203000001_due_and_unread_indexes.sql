-- The sweeper's read (requests_store::due): the oldest due deadlines of requests that
-- need no admin, in (deadline, id) order, LIMIT a batch. With only an index on
-- deadline_at_ms, SQLite sorted every due row (and looked each one up for
-- needs_attention) on each read, so a backlog of N equal deadlines cost O(N) per batch
-- and O(N^2) per sweep (issue 17: 100,000 deadlines took 87 s). This index holds exactly
-- the rows the sweeper may fire, already in its order, so each read walks only the rows
-- it returns, on both databases. It replaces the plain deadline index, which nothing
-- else in the product reads.
DROP INDEX requests_deadline;
CREATE INDEX requests_due ON requests (deadline_at_ms, id) WHERE needs_attention = 0;

-- Every page's header counts the member's unread notices (header_store). The index on
-- (member_id, created_at_ms) made that count visit every notice the member ever got,
-- read or not, which grows with history; this one holds only the unread.
CREATE INDEX notifications_unread ON notifications (member_id) WHERE read_at_ms IS NULL;
