/** Kata's mark: three steps rising, the path from following a checklist to doing it unaided. */
export function BrandMark() {
  return (
    <svg className="brand-mark" width="28" height="28" viewBox="0 0 28 28" aria-hidden="true" focusable="false">
      <rect x="0" y="0" width="28" height="28" rx="7" fill="var(--accent)" />
      <path d="M7 20h4.5v-4.5H16V11h5" fill="none" stroke="var(--on-accent)" strokeWidth="2.2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
