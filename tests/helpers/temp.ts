import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A fresh folder holding the given files (path -> content), removed after the test run. */
export function tempFolder(files: Record<string, string | Buffer> = {}): string {
  const dir = mkdtempSync(join(process.env.SAFEPOST_TEST_TMP ?? tmpdir(), 'safepost-test-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}
