import Markdown, { defaultUrlTransform, type Components } from 'react-markdown';
import type * as React from 'react';
import { cn } from '@/lib/utils';

/**
 * Links and images may point only to http(s), mailto or a relative address. react-markdown's
 * default already drops javascript:, data: and the like; irc and xmpp go too.
 */
export function safeUrl(url: string): string {
  const v = defaultUrlTransform(url);
  if (!v) return '';
  const colon = v.indexOf(':');
  const cut = [v.indexOf('/'), v.indexOf('?'), v.indexOf('#')].filter((i) => i !== -1);
  const hasScheme = colon !== -1 && cut.every((i) => colon < i);
  return !hasScheme || /^(https?|mailto)$/i.test(v.slice(0, colon)) ? v : '';
}

const isExternal = (href: string | undefined) => !!href && /^https?:/i.test(href);

/**
 * The notice is the page's h1: the body's headings start one level below it, so
 * `#` in Markdown becomes an h2.
 */
/** A Markdown element rendered as `Tag` with the house style (classes from the Markdown kept). */
function styled<T extends keyof React.JSX.IntrinsicElements>(Tag: T, base: string) {
  // Typed loosely on purpose: every attribute the Markdown gives (ol's start, th's align…) is passed on.
  return function Styled({ node: _node, className, ...rest }: { node?: unknown; className?: string; children?: React.ReactNode }) {
    const Comp = Tag as React.ElementType;
    return <Comp className={cn(base, className)} {...rest} />;
  };
}

const components: Components = {
  h1: styled('h2', 'mt-6 mb-3 text-lg font-semibold'),
  h2: styled('h3', 'mt-5 mb-2 text-base font-semibold'),
  h3: styled('h4', 'mt-4 mb-2 font-semibold'),
  h4: styled('h5', 'mt-3 mb-1 font-medium'),
  h5: styled('h6', 'mt-3 mb-1 font-medium'),
  h6: styled('h6', 'mt-3 mb-1 font-medium'),
  p: styled('p', 'my-3 leading-7'),
  ul: styled('ul', 'my-3 list-disc space-y-1 pl-6'),
  ol: styled('ol', 'my-3 list-decimal space-y-1 pl-6'),
  li: styled('li', 'leading-7'),
  blockquote: styled('blockquote', 'my-3 border-l-4 border-primary/30 bg-muted/50 py-1 pl-4 text-muted-foreground'),
  hr: styled('hr', 'my-6'),
  pre: styled('pre', 'my-3 overflow-x-auto rounded-md bg-muted p-3 font-mono text-sm [&>code]:bg-transparent [&>code]:p-0'),
  code: styled('code', 'rounded bg-muted px-1 font-mono text-[0.9em]'),
  strong: styled('strong', 'font-semibold'),
  a: ({ node: _n, href, ...p }) =>
    href ? (
      <a
        href={href}
        className="break-all text-primary underline underline-offset-4"
        {...(isExternal(href) ? { target: '_blank', rel: 'noopener noreferrer nofollow' } : {})}
        {...p}
      />
    ) : (
      // A link whose address was refused keeps its text, without a link.
      <span {...p} />
    ),
  img: ({ node: _n, src, alt }) => (typeof src === 'string' && src ? <img src={src} alt={alt ?? ''} className="my-3 h-auto max-w-full rounded" /> : null),
};

/**
 * A notice body (Markdown) rendered safely: raw HTML in the text is dropped, never rendered
 * (skipHtml), and link targets go through `safeUrl`. Works in server and client components.
 */
export function NoticeMarkdown({ children, className }: { children: string; className?: string }) {
  return (
    <div className={cn('min-w-0 text-[15px] break-words', className)} data-testid="notice-body">
      <Markdown skipHtml urlTransform={safeUrl} components={components}>
        {children}
      </Markdown>
    </div>
  );
}
