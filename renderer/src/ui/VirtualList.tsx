/**
 * A long list that draws only the items in view, in its own scrolling box (virtual-scroll.css).
 * The box is a named region that takes focus, so the keyboard scrolls it too. The page keeps the
 * virtualizer (it knows the items and their estimated size); this draws what it says is in view.
 */
import type { Virtualizer } from '@tanstack/react-virtual';
import type { ReactNode, RefObject } from 'react';
import './virtual-scroll.css';

export function VirtualList<S extends HTMLElement>({
  label,
  scrollRef,
  virtualizer,
  children,
}: {
  label: string;
  scrollRef: RefObject<S | null>;
  virtualizer: Virtualizer<S, Element>;
  /** Draws the item at this index of the list. */
  children: (index: number) => ReactNode;
}) {
  return (
    <section
      ref={scrollRef}
      className="cf-virtual-scroll"
      aria-label={label}
      // oxlint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must take focus to scroll by keyboard
      tabIndex={0}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => (
          <div
            key={item.key}
            data-index={item.index}
            ref={virtualizer.measureElement}
            style={{
              position: 'absolute',
              top: 0,
              left: 0,
              width: '100%',
              transform: `translateY(${item.start}px)`,
            }}
          >
            {children(item.index)}
          </div>
        ))}
      </div>
    </section>
  );
}
