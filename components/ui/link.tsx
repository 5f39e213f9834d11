'use client';

import NextLink from 'next/link';
import type { ComponentProps } from 'react';

type LinkProps = ComponentProps<typeof NextLink>;

/**
 * next/link, drawn on the server as the plain <a> it renders there (issue 17).
 *
 * In the browser this is next/link itself: hydration finds the same <a> and from then on the link
 * prefetches when it comes into view and navigates without reloading the page, as before. On the
 * server next/link does nothing but draw that <a>, yet it costs about 9 µs a link (hooks, three
 * event handlers, a context provider); a page like 我的首页 has 20 of them. The markup is the same,
 * attribute for attribute (components/ui/link.test.tsx compares them). What next/link would
 * rewrite (an href given as an object, `as`, a path ending in "/", which it trims) keeps next/link
 * on the server too.
 */
export function Link(props: LinkProps) {
  if (typeof window === 'undefined' && plain(props)) {
    // next/link's own props never reach the <a>; the rest do, and href comes last as in next/link.
    const { href, as: _as, prefetch: _prefetch, replace: _replace, scroll: _scroll, shallow: _shallow, passHref: _passHref, legacyBehavior: _legacy, onNavigate: _onNavigate, transitionTypes: _transitionTypes, ...rest } = props;
    return <a {...rest} href={href} />;
  }
  return <NextLink {...props} />;
}

/** An href next/link writes out unchanged. */
function plain(props: LinkProps): props is LinkProps & { href: string } {
  return typeof props.href === 'string' && props.as == null && !props.legacyBehavior && !/.\/(?:[?#]|$)/.test(props.href);
}
