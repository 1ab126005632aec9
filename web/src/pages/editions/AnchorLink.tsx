// A Mantine Anchor that navigates with the router (typed `to` and `params`), for links inside tables and text.
import { Anchor, type AnchorProps } from '@mantine/core';
import { createLink } from '@tanstack/react-router';
import type { AnchorHTMLAttributes, Ref } from 'react';

function RouterAnchor({ ref, ...props }: AnchorProps & AnchorHTMLAttributes<HTMLAnchorElement> & { ref?: Ref<HTMLAnchorElement> }) {
  return <Anchor component="a" ref={ref} {...props} />;
}

export const AnchorLink = createLink(RouterAnchor);
