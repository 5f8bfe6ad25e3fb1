/** Stars drawn as text (no image, no font): the visual row is hidden from screen readers, which read "4 out of 5 stars". */
export function Stars({ n, label }: { n: number; label: string }) {
  return (
    <span className="inline-flex items-center">
      <span aria-hidden="true" className="text-lg leading-none tracking-wide text-amber-700">
        {'★'.repeat(n)}
        <span className="text-slate-400">{'★'.repeat(5 - n)}</span>
      </span>
      <span className="sr-only">{label}</span>
    </span>
  );
}
