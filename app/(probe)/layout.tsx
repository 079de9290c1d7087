/** A root layout of its own for the probe page (outside the localised portal). */
export default function ProbeLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
