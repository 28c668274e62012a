import { z } from 'zod';
import { CategorySchema, ChannelSchema, ClauseSchema, SeveritySchema } from '../rules/schema.js';

/** One passage that breaks the policy; the JSON report's shape is fixed by the contract. */
export const FindingSchema = z.object({
  ruleId: z.string(),
  category: CategorySchema,
  severity: SeveritySchema,
  message: z.string(),
  clause: ClauseSchema,
  line: z.number().int().positive(),
  column: z.number().int().positive(),
  endLine: z.number().int().positive(),
  endColumn: z.number().int().positive(),
  suggestion: z.string(),
  /** Hidden by a safepost-disable comment: reported in JSON, never counted. */
  suppressed: z.boolean().optional(),
  /** The exact text found: only with --show-matches, as it may be a personal detail. */
  match: z.string().optional(),
  /** A salted hash that identifies the finding for a baseline; only when a baseline is in use. */
  fingerprint: z.string().optional(),
  /**
   * In a Word draft, which has no lines: where to find it, as a reader of the document would,
   * by the heading above it and a short excerpt of its paragraph with every finding in it masked.
   */
  context: z.object({ heading: z.string().optional(), excerpt: z.string() }).optional(),
});
export type Finding = z.infer<typeof FindingSchema>;

export const FileResultSchema = z.object({
  path: z.string(),
  channel: ChannelSchema,
  findings: z.array(FindingSchema),
  /** Why the file could not be checked (or only in part); the file then counts as failed. */
  error: z.string().optional(),
  /** Where the error is, when it has a place in the file. */
  errorLine: z.number().int().positive().optional(),
  /** Something worth knowing that is not a problem (an empty file). */
  note: z.string().optional(),
  /** Disable comments that hid no finding, when asked for (`--report-unused-disable-directives`): they fail the check. */
  unusedDirectives: z.number().int().positive().optional(),
  /**
   * `paragraphs` for a Word draft, which has no lines: a finding's `line` is the paragraph number
   * and its columns are UTF-16 offsets in the paragraph.
   */
  positions: z.literal('paragraphs').optional(),
});
export type FileResult = z.infer<typeof FileResultSchema>;

export const SummarySchema = z.object({
  files: z.number().int(),
  errors: z.number().int(),
  warnings: z.number().int(),
  infos: z.number().int(),
  suppressed: z.number().int(),
  /** Files that could not be checked, or only in part. */
  fileErrors: z.number().int(),
  /** Findings a baseline accepted, and so left out. */
  baselined: z.number().int().optional(),
});
export type Summary = z.infer<typeof SummarySchema>;

export const ReportSchema = z.object({
  files: z.array(FileResultSchema),
  summary: SummarySchema,
});
export type Report = z.infer<typeof ReportSchema>;

/** A summary of no files, for adding files to one at a time. */
export const emptySummary = (): Summary => ({ files: 0, errors: 0, warnings: 0, infos: 0, suppressed: 0, fileErrors: 0 });

/** Counts a file's result into a summary. */
export function addToSummary(summary: Summary, file: FileResult): void {
  summary.files++;
  if (file.error) summary.fileErrors++;
  for (const f of file.findings) {
    if (f.suppressed) summary.suppressed++;
    else if (f.severity === 'error') summary.errors++;
    else if (f.severity === 'warning') summary.warnings++;
    else summary.infos++;
  }
}

export function summarize(files: FileResult[]): Summary {
  const summary = emptySummary();
  for (const file of files) addToSummary(summary, file);
  return summary;
}
