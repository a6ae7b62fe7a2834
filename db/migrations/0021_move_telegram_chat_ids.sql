-- Every Telegram chat moves from people.telegram_chat_id into person_channels,
-- with its reachability (people.unreachable_since was Telegram's own mark), so
-- Telegram is a channel row like Zalo and email. A person who left
-- (deactivated) has no chat any more and gets no row. Idempotent: a row that
-- is already there (same person and channel) is left as it is.
INSERT INTO "person_channels" ("organization_id", "person_id", "channel", "chat_id", "unreachable_since", "created_at")
SELECT p."organization_id", p."id", 'telegram', p."telegram_chat_id"::text, p."unreachable_since", p."created_at"
FROM "people" p
WHERE p."telegram_chat_id" IS NOT NULL
ON CONFLICT ("person_id", "channel") DO NOTHING;
