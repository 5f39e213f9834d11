import type { SVGProps } from 'react';

/**
 * Bell, ChevronDown and X: the icons of every signed-in page's header, the notice toast, every
 * <select> (NativeSelect) and dialog, drawn as plain SVG with lucide-react's markup and path data
 * (lucide 1.75, ISC licence). Under load a lucide-react icon cost about 45 µs of server CPU a
 * render (it rebuilds its attributes through a chain of object spreads every time), a plain
 * <svg> a few (issue 17). The HTML is the same (icons.test.tsx); other icons stay lucide-react.
 */
type IconProps = Omit<SVGProps<SVGSVGElement>, 'children'>;

function lucideIcon(name: string, paths: string[]) {
  const base = `lucide lucide-${name}`;
  function Icon({ className, ...props }: IconProps) {
    return (
      <svg
        xmlns="http://www.w3.org/2000/svg"
        width="24"
        height="24"
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
        className={className ? `${base} ${className}` : base}
        aria-hidden="true"
        {...props}
      >
        {paths.map((d) => (
          <path key={d} d={d} />
        ))}
      </svg>
    );
  }
  return Icon;
}

export const Bell = lucideIcon('bell', [
  'M10.268 21a2 2 0 0 0 3.464 0',
  'M3.262 15.326A1 1 0 0 0 4 17h16a1 1 0 0 0 .74-1.673C19.41 13.956 18 12.499 18 8A6 6 0 0 0 6 8c0 4.499-1.411 5.956-2.738 7.326',
]);
export const ChevronDown = lucideIcon('chevron-down', ['m6 9 6 6 6-6']);
export const X = lucideIcon('x', ['M18 6 6 18', 'm6 6 12 12']);
