-- E-mail (issue 14): members' verified addresses and e-mail preferences, the
-- transactional outbox and each delivery attempt, single-use member tokens (password
-- reset, address verification), the reminder due before each request's deadline,
-- operators' alarms, and the bank's own settings (the secret that signs unsubscribe links).

ALTER TABLE members ADD COLUMN email_verified_at_ms BIGINT;
-- What a member wants by e-mail: immediate, digest (once a day) or off.
ALTER TABLE members ADD COLUMN email_mode TEXT NOT NULL DEFAULT 'immediate';

-- When the awaited party is reminded before the current deadline (NULL: no reminder
-- due, or already sent). Set with every write of the request.
ALTER TABLE requests ADD COLUMN remind_at_ms BIGINT;
CREATE INDEX requests_remind_at ON requests (remind_at_ms);

-- One row a message, written in the transaction that decided to send it.
CREATE TABLE outbox (
    id              TEXT PRIMARY KEY,   -- also the Message-ID's local part
    member_id       TEXT NOT NULL REFERENCES members (id),
    to_address      TEXT NOT NULL,
    kind            TEXT NOT NULL,
    mail            TEXT NOT NULL,      -- what it says, as JSON (app/src/server/mail/)
    request_id      TEXT,
    digest          BIGINT NOT NULL DEFAULT 0,
    status          TEXT NOT NULL CHECK (status IN ('waiting', 'sent', 'failed', 'folded', 'dropped')),
    attempts        BIGINT NOT NULL DEFAULT 0,
    next_attempt_ms BIGINT NOT NULL,
    lease_until_ms  BIGINT,
    last_error      TEXT,
    created_at_ms   BIGINT NOT NULL,
    sent_at_ms      BIGINT
);
CREATE INDEX outbox_due ON outbox (status, next_attempt_ms);
CREATE INDEX outbox_member ON outbox (member_id, status);

CREATE TABLE outbox_attempts (
    outbox_id TEXT NOT NULL REFERENCES outbox (id),
    attempt   BIGINT NOT NULL,
    at_ms     BIGINT NOT NULL,
    error     TEXT,
    PRIMARY KEY (outbox_id, attempt)
);

-- Single-use links: only the SHA-256 of the token is kept.
CREATE TABLE member_tokens (
    token_hash    TEXT PRIMARY KEY,
    member_id     TEXT NOT NULL REFERENCES members (id),
    purpose       TEXT NOT NULL CHECK (purpose IN ('password_reset', 'verify_email')),
    email         TEXT NOT NULL,
    created_at_ms BIGINT NOT NULL,
    expires_at_ms BIGINT NOT NULL,
    used_at_ms    BIGINT
);
CREATE INDEX member_tokens_member ON member_tokens (member_id, purpose);

-- Conditions operators are told about, raised once and cleared when they pass.
CREATE TABLE alarms (
    key           TEXT PRIMARY KEY,
    detail        TEXT NOT NULL,
    raised_at_ms  BIGINT NOT NULL,
    cleared_at_ms BIGINT
);

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
