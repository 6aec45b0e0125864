import type { CSSProperties } from 'react';

const bar: CSSProperties = { height: 12, borderRadius: 'var(--mantine-radius-sm)', background: 'var(--mantine-color-gray-2)' };

/**
 * A grey bar where a virtual list's row is still loading: a plain element with no animation. A fast scroll through
 * 50,000 rows paints dozens of these per frame, and Mantine's animated Skeletons (a styled box and a keyframe each)
 * were a good part of the frames' long tasks.
 */
export function LoadingBar({ width, label }: { width: string; label?: string }) {
  return <div role={label ? 'img' : undefined} aria-label={label} style={{ ...bar, width }} />;
}
