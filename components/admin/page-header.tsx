import type { ReactNode } from "react";
import { Link } from "@/i18n/navigation";
import { linkButtonClass } from "@/components/ui/button";

/** A page's heading and description, with its actions, a plain link (back, or to a related page) or a "new" link on the right. */
export function PageHeader({
  title,
  description,
  actions,
  link,
  create,
}: {
  title: string;
  description?: string;
  actions?: ReactNode;
  link?: { href: string; label: string };
  create?: { href: string; label: string };
}) {
  return (
    <div className="mb-4 flex flex-wrap items-end gap-3">
      <div>
        <h1 className="text-2xl font-bold">{title}</h1>
        {description && <p className="mt-1 text-sm text-slate-600">{description}</p>}
      </div>
      {(actions || link || create) && (
        <div className="ml-auto flex gap-2">
          {actions}
          {link && (
            <Link href={link.href} className="text-sm">
              {link.label}
            </Link>
          )}
          {create && (
            <Link href={create.href} className={linkButtonClass()}>
              {create.label}
            </Link>
          )}
        </div>
      )}
    </div>
  );
}
