/** The platform's own emblem (a shield with a network node and check mark); also rendered into the badge PNGs. */
export function Emblem({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 40 40" className={className} role="img" aria-label="联网备案平台标志">
      <path d="M20 2 5 7.5v11.2C5 28.6 11.4 35.4 20 38c8.6-2.6 15-9.4 15-19.3V7.5L20 2Z" fill="#C8102E" stroke="#F4C430" strokeWidth="2" />
      <circle cx="20" cy="17" r="8.5" fill="none" stroke="#F4C430" strokeWidth="1.8" />
      <path d="M11.5 17h17M20 8.5c-3 2.6-3 14.4 0 17M20 8.5c3 2.6 3 14.4 0 17" fill="none" stroke="#F4C430" strokeWidth="1.2" />
      <path d="m14 28 4 3.5 8-7" fill="none" stroke="#fff" strokeWidth="2.4" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
