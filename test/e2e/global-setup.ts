/**
 * Runs once before the e2e specs: checks that there is a build to test, and says
 * (once per run) when the Electron half of the suite cannot run here.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { CHROMIUM_PATH, DIST_RENDERER, ELECTRON_MAIN, ELECTRON_SKIPPED_MESSAGE, electronRuntimeAvailable } from './fixture';

export default function setup(): void {
  const index = path.join(DIST_RENDERER, 'index.html');
  if (!existsSync(index)) {
    throw new Error(`${path.relative(process.cwd(), index)} is missing: build first (\`npm run build\`; \`npm run test:e2e\` does it for you).`);
  }
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`No Chromium at ${CHROMIUM_PATH} (set KATA_CHROMIUM_PATH to another build).`);
  }
  if (!electronRuntimeAvailable()) {
    console.log(ELECTRON_SKIPPED_MESSAGE);
  } else if (!existsSync(ELECTRON_MAIN)) {
    throw new Error(`${path.relative(process.cwd(), ELECTRON_MAIN)} is missing: run \`npm run build\` before the Electron e2e specs.`);
  }
}
