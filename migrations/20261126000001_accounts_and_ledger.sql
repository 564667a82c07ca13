-- Members, sessions and the hours ledger.
-- One schema for SQLite and PostgreSQL: ids TEXT, times BIGINT milliseconds since the
-- epoch (UTC), booleans BIGINT 0/1, amounts BIGINT minutes.

CREATE TABLE members (
    id                TEXT PRIMARY KEY,
    email             TEXT NOT NULL UNIQUE,
    display_name      TEXT NOT NULL,
    password_hash     TEXT NOT NULL,
    role              TEXT NOT NULL CHECK (role IN ('member', 'admin')),
    active            BIGINT NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at_ms     BIGINT NOT NULL,
    deactivated_at_ms BIGINT
);

CREATE TABLE sessions (
    token_hash    TEXT PRIMARY KEY,
    member_id     TEXT NOT NULL REFERENCES members (id),
    created_at_ms BIGINT NOT NULL,
    expires_at_ms BIGINT NOT NULL
);
CREATE INDEX sessions_member_id ON sessions (member_id);

-- One account per member (id = member id) plus the system account that issues grants.
-- Only the system account may go below zero; the sum over all accounts is always zero.
CREATE TABLE ledger_accounts (
    id                TEXT PRIMARY KEY,
    kind              TEXT NOT NULL CHECK (kind IN ('system', 'member')),
    available_minutes BIGINT NOT NULL DEFAULT 0,
    held_minutes      BIGINT NOT NULL DEFAULT 0,
    CHECK (kind = 'system' OR (available_minutes >= 0 AND held_minutes >= 0))
);
INSERT INTO ledger_accounts (id, kind, available_minutes, held_minutes) VALUES ('system', 'system', 0, 0);

-- Immutable: rows are only ever inserted.
CREATE TABLE ledger_transfers (
    id            TEXT PRIMARY KEY,
    kind          TEXT NOT NULL CHECK (kind IN ('grant', 'deduct', 'hold', 'post', 'void', 'adjust')),
    request_id    TEXT,
    reason        TEXT NOT NULL,
    actor_id      TEXT,
    created_at_ms BIGINT NOT NULL
);
CREATE INDEX ledger_transfers_request_id ON ledger_transfers (request_id);

CREATE TABLE ledger_entries (
    transfer_id    TEXT NOT NULL REFERENCES ledger_transfers (id),
    seq            BIGINT NOT NULL,
    account_id     TEXT NOT NULL REFERENCES ledger_accounts (id),
    bucket         TEXT NOT NULL CHECK (bucket IN ('available', 'held')),
    amount_minutes BIGINT NOT NULL CHECK (amount_minutes <> 0),
    PRIMARY KEY (transfer_id, seq)
);
CREATE INDEX ledger_entries_account_id ON ledger_entries (account_id);
