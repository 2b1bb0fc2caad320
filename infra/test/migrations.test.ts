// Expand/contract (docs/cloud-flow.md): a rollback runs the previous backend against the new schema, so a
// migration may only drop, rename or narrow when it says, on its first line, that no deployed release
// still reads what it removes ("-- contract: ..."). Everything else must be additive.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { repoRoot } from './support/tools.ts';

const dir = join(repoRoot, 'apps/backend/drizzle');
const destructive =
  /\b(DROP\s+(TABLE|COLUMN|INDEX|TYPE|SCHEMA|CONSTRAINT|VIEW)|RENAME\s+(TO|COLUMN|CONSTRAINT)|ALTER\s+COLUMN\s+\S+\s+(SET\s+DATA\s+)?TYPE|SET\s+NOT\s+NULL|TRUNCATE)\b/i;

/** The problems of one migration file: destructive statements without the contract marker. */
export function contractProblems(name: string, sql: string): string[] {
  const code = sql.replace(/--[^\n]*/g, '');
  const hits = code.split(/;|--> statement-breakpoint/).filter((s) => destructive.test(s));
  if (hits.length === 0 || /^-- contract: \S/.test(sql)) return [];
  return hits.map(
    (s) => `${name}: "${s.trim().split('\n')[0]}" drops, renames or narrows without "-- contract:"`,
  );
}

it('every migration is additive, or declares itself a contract step', () => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.sql'));
  expect(files.length).toBeGreaterThan(0);
  expect(files.flatMap((f) => contractProblems(f, readFileSync(join(dir, f), 'utf8')))).toEqual([]);
});

it('the check recognises the steps a rollback cannot survive', () => {
  for (const sql of [
    'ALTER TABLE "users" DROP COLUMN "bio";',
    'ALTER TABLE "articles" RENAME COLUMN "body" TO "content";',
    'ALTER TABLE "articles" ALTER COLUMN "title" SET NOT NULL;',
    'ALTER TABLE "tags" ALTER COLUMN "name" SET DATA TYPE varchar(20);',
    'DROP TABLE "follows";',
  ]) {
    expect(contractProblems('x.sql', sql), sql).toHaveLength(1);
    expect(contractProblems('x.sql', `-- contract: release abc123 no longer reads it\n${sql}`), sql).toEqual(
      [],
    );
  }
  expect(contractProblems('x.sql', 'ALTER TABLE "users" ADD COLUMN "bio" text;')).toEqual([]);
});
