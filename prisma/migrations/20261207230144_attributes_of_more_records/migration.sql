-- CreateEnum
CREATE TYPE "AttributeRecord" AS ENUM ('ORGANIZATION', 'PERSON', 'APPOINTMENT', 'CLASS');

-- AlterTable
ALTER TABLE "Appointment" ADD COLUMN     "attributes" JSONB NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "AttributeDefinition" ADD COLUMN     "record" "AttributeRecord" NOT NULL DEFAULT 'ORGANIZATION';

-- AlterTable
ALTER TABLE "ClassGroup" ADD COLUMN     "attributes" JSONB NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "attributes" JSONB NOT NULL DEFAULT '{}';
