-- Notifications are data: what they tell (their kind and typed facts, as JSON, see
-- app/src/lifecycle/notices.rs), made into words when a page or an e-mail shows them.
-- Rows written before keep their English sentence in `text` and no notice; new rows
-- store the notice and leave `text` empty.
ALTER TABLE notifications ADD COLUMN notice TEXT;
