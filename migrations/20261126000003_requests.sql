-- The service-request lifecycle: requests, their immutable history, escrow holds,
-- notifications, disputes and ratings.

CREATE TABLE requests (
    id              TEXT PRIMARY KEY,
    service_id      TEXT NOT NULL,
    requester_id    TEXT NOT NULL REFERENCES members (id),
    provider_id     TEXT REFERENCES members (id),
    state           TEXT NOT NULL,
    -- +1 per transition; equals the last history event's seq. Writes check it (optimistic lock).
    version         BIGINT NOT NULL,
    -- The current waiting state's deadline; the sweeper fires it.
    deadline_at_ms  BIGINT,
    -- The whole aggregate (lifecycle::Request) as JSON.
    data            TEXT NOT NULL,
    needs_attention BIGINT NOT NULL DEFAULT 0 CHECK (needs_attention IN (0, 1)),
    attention_error TEXT,
    created_at_ms   BIGINT NOT NULL,
    updated_at_ms   BIGINT NOT NULL
);
CREATE INDEX requests_requester ON requests (requester_id, state);
CREATE INDEX requests_provider ON requests (provider_id, state);
CREATE INDEX requests_deadline ON requests (deadline_at_ms);
CREATE INDEX requests_service ON requests (service_id);

-- Immutable: one row per transition, gapless per request.
CREATE TABLE request_events (
    request_id TEXT NOT NULL REFERENCES requests (id),
    seq        BIGINT NOT NULL,
    from_state TEXT,
    to_state   TEXT NOT NULL,
    event      TEXT NOT NULL,
    actor_kind TEXT NOT NULL,
    actor_id   TEXT,
    actor      TEXT NOT NULL,
    payload    TEXT NOT NULL,
    at_ms      BIGINT NOT NULL,
    PRIMARY KEY (request_id, seq)
);

-- One escrow hold per request, resolved exactly once.
CREATE TABLE holds (
    request_id     TEXT PRIMARY KEY REFERENCES requests (id),
    payer_id       TEXT NOT NULL REFERENCES members (id),
    payee_id       TEXT REFERENCES members (id),
    amount_minutes BIGINT NOT NULL CHECK (amount_minutes > 0),
    status         TEXT NOT NULL CHECK (status IN ('pending', 'posted', 'voided', 'split')),
    posted_minutes BIGINT NOT NULL DEFAULT 0,
    voided_minutes BIGINT NOT NULL DEFAULT 0,
    created_at_ms  BIGINT NOT NULL,
    resolved_at_ms BIGINT,
    CHECK (status = 'pending' OR posted_minutes + voided_minutes = amount_minutes)
);

CREATE TABLE notifications (
    id            TEXT PRIMARY KEY,
    member_id     TEXT NOT NULL REFERENCES members (id),
    request_id    TEXT REFERENCES requests (id),
    seq           BIGINT,
    text          TEXT NOT NULL,
    created_at_ms BIGINT NOT NULL,
    read_at_ms    BIGINT
);
CREATE INDEX notifications_member ON notifications (member_id, created_at_ms);

CREATE TABLE disputes (
    request_id     TEXT NOT NULL REFERENCES requests (id),
    opened_seq     BIGINT NOT NULL,
    raised_by      TEXT NOT NULL,
    reason         TEXT NOT NULL,
    paused_state   TEXT NOT NULL,
    opened_at_ms   BIGINT NOT NULL,
    outcome        TEXT,
    resolved_by    TEXT,
    note           TEXT,
    resolved_at_ms BIGINT,
    PRIMARY KEY (request_id, opened_seq)
);

CREATE TABLE ratings (
    request_id    TEXT NOT NULL REFERENCES requests (id),
    rater_id      TEXT NOT NULL REFERENCES members (id),
    ratee_id      TEXT NOT NULL REFERENCES members (id),
    stars         BIGINT NOT NULL CHECK (stars BETWEEN 1 AND 5),
    comment       TEXT NOT NULL,
    created_at_ms BIGINT NOT NULL,
    PRIMARY KEY (request_id, rater_id)
);
CREATE INDEX ratings_ratee ON ratings (ratee_id);
