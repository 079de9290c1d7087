-- Notification.kind becomes the closed set NotificationKind. The enum's values are the dotted codes already
-- stored, so every existing row keeps its kind: the column is converted in place (USING), not recreated. A
-- stored kind outside the set stops the migration with the kinds named, instead of failing on a bare cast.
-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('reporting.submitted', 'reporting.approved', 'reporting.returned', 'reporting.accepted', 'reporting.undone', 'reporting.correction', 'reporting.reminder.d7', 'reporting.reminder.d1', 'reporting.reminder.overdue', 'reporting.overdueList', 'services.submitted', 'services.in_review', 'services.needs_info', 'services.approved', 'services.refused', 'services.issued', 'services.released', 'services.offered', 'services.declined', 'services.new', 'services.queue_moved', 'services.transferred', 'diary.message', 'forums.reply', 'forums.mention');

DO $$
DECLARE
  unknown text;
BEGIN
  SELECT string_agg(DISTINCT "kind", ', ') INTO unknown
  FROM "Notification"
  WHERE "kind" NOT IN (SELECT unnest(enum_range(NULL::"NotificationKind"))::text);
  IF unknown IS NOT NULL THEN
    RAISE EXCEPTION 'Notification kinds outside NotificationKind: %', unknown;
  END IF;
END $$;

-- AlterTable
ALTER TABLE "Notification" ALTER COLUMN "kind" SET DATA TYPE "NotificationKind" USING "kind"::"NotificationKind";
