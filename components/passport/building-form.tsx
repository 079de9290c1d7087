import { getTranslations } from "next-intl/server";
import { saveBuildingAction } from "@/lib/passport/actions";
import { CONDITIONS, OWNERSHIPS } from "@/lib/passport/rules";
import { ActionForm } from "@/components/forms/action-form-client";
import { CheckboxField, FormErrors, SelectField, TextField } from "@/components/forms/fields-client";

export interface BuildingValues {
  number: number;
  address: string;
  yearBuilt: number;
  capacity: number;
  floors: number;
  ownership: string;
  condition: string;
  inspectedOn: Date | null;
  inspectionDoc: string | null;
  accessible: boolean;
  gym: boolean;
  assemblyHall: boolean;
  library: boolean;
  canteenSeats: number;
  scienceRooms: number;
  computerRooms: number;
  boardingPlaces: number;
}

/** A building's form: the version in force (or the pending one) to change, or an empty one for a new building. */
export async function BuildingForm({
  organizationId,
  building,
  testId,
}: {
  organizationId: string;
  building?: BuildingValues;
  testId: string;
}) {
  const t = await getTranslations("passport");
  const b = building;
  return (
    <ActionForm
      action={saveBuildingAction}
      submitLabel={b ? t("buildings.submit") : t("buildings.add")}
      testId={testId}
      className="space-y-4"
    >
      <input type="hidden" name="organizationId" value={organizationId} />
      {b && <input type="hidden" name="number" value={b.number} />}
      <TextField name="address" label={t("fields.address")} required maxLength={300} defaultValue={b?.address} />
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField
          name="yearBuilt"
          label={t("fields.yearBuilt")}
          required
          inputMode="numeric"
          defaultValue={b?.yearBuilt}
        />
        <TextField
          name="capacity"
          label={t("fields.capacity")}
          required
          inputMode="numeric"
          defaultValue={b?.capacity}
        />
        <TextField
          name="floors"
          label={t("fields.floors")}
          required
          inputMode="numeric"
          defaultValue={b?.floors ?? 1}
        />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          name="ownership"
          label={t("fields.ownership")}
          required
          defaultValue={b?.ownership ?? "STATE"}
          options={OWNERSHIPS.map((o) => ({ value: o, label: t(`ownership.${o}`) }))}
        />
        <SelectField
          name="condition"
          label={t("fields.condition")}
          required
          defaultValue={b?.condition ?? "NORMAL"}
          options={CONDITIONS.map((c) => ({ value: c, label: t(`condition.${c}`) }))}
        />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          name="inspectedOn"
          label={t("fields.inspectedOn")}
          type="date"
          defaultValue={b?.inspectedOn ? b.inspectedOn.toISOString().slice(0, 10) : ""}
        />
        <TextField
          name="inspectionDoc"
          label={t("fields.inspectionDoc")}
          maxLength={120}
          defaultValue={b?.inspectionDoc}
        />
      </div>
      <fieldset className="space-y-3">
        <legend className="mb-1 text-sm font-semibold">{t("buildings.facilities")}</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          <CheckboxField name="accessible" label={t("fields.accessible")} defaultChecked={b?.accessible} />
          <CheckboxField name="gym" label={t("fields.gym")} defaultChecked={b?.gym} />
          <CheckboxField name="assemblyHall" label={t("fields.assemblyHall")} defaultChecked={b?.assemblyHall} />
          <CheckboxField name="library" label={t("fields.library")} defaultChecked={b?.library} />
        </div>
        <div className="grid gap-4 sm:grid-cols-4">
          <TextField
            name="canteenSeats"
            label={t("fields.canteenSeats")}
            inputMode="numeric"
            defaultValue={b?.canteenSeats ?? 0}
          />
          <TextField
            name="scienceRooms"
            label={t("fields.scienceRooms")}
            inputMode="numeric"
            defaultValue={b?.scienceRooms ?? 0}
          />
          <TextField
            name="computerRooms"
            label={t("fields.computerRooms")}
            inputMode="numeric"
            defaultValue={b?.computerRooms ?? 0}
          />
          <TextField
            name="boardingPlaces"
            label={t("fields.boardingPlaces")}
            inputMode="numeric"
            defaultValue={b?.boardingPlaces ?? 0}
          />
        </div>
      </fieldset>
      <FormErrors names={["organizationId", "number", "_form"]} />
    </ActionForm>
  );
}
