import { freshCliBundle } from '../scripts/cli-bundle.mjs';
import { ensureRendererBuilt } from '../scripts/renderer-build';

/** Builds the renderer and the CLI once before any test file runs, so parallel files never race to build them. */
export default async function setup(): Promise<void> {
  ensureRendererBuilt();
  await freshCliBundle();
}
