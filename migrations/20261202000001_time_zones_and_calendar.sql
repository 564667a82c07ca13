-- When the work happens, in the member's zone and language (issue 15): each member's IANA
-- time zone (NULL: the bank's default, HOURBANK_TIME_ZONE), their language (a catalogue
-- code such as 'ca'; NULL: from the browser, else the bank's) and the generation of their private
-- calendar feed's address (the address is signed with it; a new generation revokes the
-- old address). Requests need no new column: the proposed and agreed start live in the
-- terms JSON (`proposed_start`, already read with a default), and the reminder the day
-- before the agreed start uses `remind_at_ms`.

ALTER TABLE members ADD COLUMN time_zone TEXT;
ALTER TABLE members ADD COLUMN lang TEXT;
ALTER TABLE members ADD COLUMN calendar_generation BIGINT NOT NULL DEFAULT 1;
