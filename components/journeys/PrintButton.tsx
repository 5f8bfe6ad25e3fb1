'use client';

/** Opens the browser's print dialog (which also saves as PDF); hidden on the printout itself. */
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => window.print()} className="rounded-lg bg-brand-700 px-4 py-2.5 font-semibold text-white hover:bg-brand-800 print:hidden">
      {label}
    </button>
  );
}
