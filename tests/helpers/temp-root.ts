// Vitest's global setup: one folder for every test's temporary files, removed when the run ends.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'safepost-tests-'));
  process.env.SAFEPOST_TEST_TMP = root;
  return () => rmSync(root, { recursive: true, force: true });
}
