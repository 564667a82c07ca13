-- Services members offer. The response window (2–72 h) is the provider's promise of how
-- soon they answer a request for this service.
CREATE TABLE services (
    id                    TEXT PRIMARY KEY,
    provider_id           TEXT NOT NULL REFERENCES members (id),
    title                 TEXT NOT NULL,
    description           TEXT NOT NULL,
    category              TEXT NOT NULL,
    response_window_hours BIGINT NOT NULL CHECK (response_window_hours BETWEEN 2 AND 72),
    status                TEXT NOT NULL CHECK (status IN ('active', 'paused', 'retired')),
    created_at_ms         BIGINT NOT NULL
);
CREATE INDEX services_provider_id ON services (provider_id);
CREATE INDEX services_status ON services (status);
