import { ensureRendererBuilt } from '../scripts/renderer-build';

/** Builds the renderer once before any test file runs, so parallel files never race to build it. */
export default function setup(): void {
  ensureRendererBuilt();
}
