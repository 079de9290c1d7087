import type { ReactNode } from "react";
import type { FormAction } from "@/lib/actions";
import { ActionForm } from "@/components/forms/action-form-client";
import { FormErrors, SelectField } from "@/components/forms/fields-client";
import { Link } from "@/i18n/navigation";

type ClassOption = {
  id: string;
  grade: number;
  letter: string;
  academicYear: { label: string };
  _count: { enrolments: number };
};

/**
 * Staff accept a child into one of the school's classes (each shown with its year and how many it holds);
 * without classes, a note saying so instead, with a link to the school's diary set-up where the class is made
 * (for those who may make it).
 */
export function ClassChoiceForm({
  action,
  classes,
  noClasses,
  submitLabel,
  classLabel,
  testId,
  hidden,
  setUp,
}: {
  action: FormAction;
  classes: readonly ClassOption[];
  noClasses: string;
  submitLabel: string;
  classLabel: string;
  testId: string;
  /** The hidden inputs naming the application and its version. */
  hidden: ReactNode;
  /** Where the missing class is created. */
  setUp?: { href: string; label: string };
}) {
  return (
    <section className="rounded-lg bg-white p-4 shadow-sm">
      {classes.length === 0 ? (
        <p className="text-sm text-slate-700">
          {noClasses}
          {setUp && (
            <>
              {" "}
              <Link href={setUp.href} className="font-medium underline" data-testid="diary-setup-link">
                {setUp.label}
              </Link>
            </>
          )}
        </p>
      ) : (
        <ActionForm
          action={action}
          submitLabel={submitLabel}
          testId={testId}
          className="flex flex-wrap items-end gap-3"
        >
          {hidden}
          <SelectField
            name="classGroupId"
            label={classLabel}
            required
            options={classes.map((c) => ({
              value: c.id,
              label: `${c.grade} ${c.letter} (${c.academicYear.label}) — ${c._count.enrolments}`,
            }))}
          />
          <FormErrors names={["version", "status"]} />
        </ActionForm>
      )}
    </section>
  );
}
