"use client";

import { useId } from "react";
import { ActionForm, useFormResult } from "@/components/forms/action-form-client";
import { FormErrors } from "@/components/forms/fields-client";
import {
  acceptSubmissionAction,
  approveSubmissionAction,
  returnSubmissionAction,
  startCorrectionAction,
  undoStepAction,
} from "@/lib/reporting/review-actions";

export interface ReviewActionLabels {
  approve: string;
  accept: string;
  return: string;
  returnReason: string;
  returnHint: string;
  undo: string;
  undoConfirm: string;
  correct: string;
  correctionReason: string;
  correctionHint: string;
  pending: string;
  acceptConfirm: string;
}

/** A required multi-line reason, with its error from the enclosing ActionForm. */
function ReasonField({ name, label, hint }: { name: string; label: string; hint: string }) {
  const state = useFormResult();
  const id = useId();
  const error = state?.fieldErrors?.[name];
  const value = state && !state.ok && state.values ? (state.values[name] ?? "") : "";
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium">
        {label}
        <span aria-hidden className="text-red-700">
          {" "}
          *
        </span>
      </label>
      <textarea
        key={`${name}:${value}:${state ? "r" : "i"}`}
        id={id}
        name={name}
        rows={3}
        defaultValue={value}
        aria-required
        aria-invalid={Boolean(error)}
        aria-describedby={`${id}-note`}
        className={`w-full rounded border px-3 py-2 ${error ? "border-red-500 bg-red-50" : "border-slate-300 bg-white"}`}
      />
      <p id={`${id}-note`} className={`mt-1 text-sm ${error ? "text-red-700" : "text-xs text-slate-500"}`}>
        {error ?? hint}
      </p>
    </div>
  );
}

function Hidden({ submissionId, version }: { submissionId: string; version?: number }) {
  return (
    <>
      <input type="hidden" name="submissionId" value={submissionId} />
      {version !== undefined && <input type="hidden" name="version" value={version} />}
      <FormErrors names={["workflow", "submissionId", "version"]} />
    </>
  );
}

/** The transitions the viewer may make on a submission (the server checks each again). */
export function ReviewActions({
  submissionId,
  version,
  allowed,
  labels,
}: {
  submissionId: string;
  version: number;
  allowed: { approve: boolean; accept: boolean; return: boolean; undo: boolean; correct: boolean };
  labels: ReviewActionLabels;
}) {
  return (
    <div className="space-y-4">
      {allowed.approve && (
        <ActionForm
          action={approveSubmissionAction}
          submitLabel={labels.approve}
          pendingLabel={labels.pending}
          testId="approve-form"
        >
          <Hidden submissionId={submissionId} version={version} />
        </ActionForm>
      )}
      {allowed.accept && (
        <ActionForm
          action={acceptSubmissionAction}
          submitLabel={labels.accept}
          pendingLabel={labels.pending}
          confirm={labels.acceptConfirm}
          testId="accept-form"
        >
          <Hidden submissionId={submissionId} version={version} />
        </ActionForm>
      )}
      {allowed.undo && (
        <ActionForm
          action={undoStepAction}
          submitLabel={labels.undo}
          pendingLabel={labels.pending}
          confirm={labels.undoConfirm}
          variant="secondary"
          testId="undo-form"
        >
          <Hidden submissionId={submissionId} version={version} />
        </ActionForm>
      )}
      {allowed.return && (
        <ActionForm
          action={returnSubmissionAction}
          submitLabel={labels.return}
          pendingLabel={labels.pending}
          variant="danger"
          testId="return-form"
          className="space-y-2 border-t border-slate-200 pt-4"
        >
          <Hidden submissionId={submissionId} version={version} />
          <ReasonField name="reason" label={labels.returnReason} hint={labels.returnHint} />
        </ActionForm>
      )}
      {allowed.correct && (
        <ActionForm
          action={startCorrectionAction}
          submitLabel={labels.correct}
          pendingLabel={labels.pending}
          variant="secondary"
          testId="correction-form"
          className="space-y-2 border-t border-slate-200 pt-4"
        >
          <Hidden submissionId={submissionId} />
          <ReasonField name="reason" label={labels.correctionReason} hint={labels.correctionHint} />
        </ActionForm>
      )}
    </div>
  );
}
