/** safepost's Node API: the same checks as the command line. */
export { check, createChecker, type Checker, type CheckerOptions } from './api/checker.js';
export { loadConfig, findConfigFile } from './config/load.js';
export type { ResolvedConfig, ConfigFile } from './config/schema.js';
export { formatOf, parseDocument, readDraft, UnreadableDraftError, type Draft } from './documents/index.js';
export type { Document, DocumentFormat, DraftImage } from './documents/index.js';
export { SafepostError } from './errors.js';
export type { DraftFile } from './drafts/find.js';
export { FORMATTERS, type FormatName, type FormatOptions, type Formatter } from './report/index.js';
export type { Finding, FileResult, Report, Summary } from './results/schema.js';
export { FindingSchema, FileResultSchema, ReportSchema } from './results/schema.js';
export { loadRules } from './rules/load.js';
export { loadClauses } from './rules/policy.js';
export type { Category, Channel, Clause, LoadedRule, Rule, Severity } from './rules/schema.js';
export { CATEGORIES, CHANNELS, RuleSchema } from './rules/schema.js';
export { VERSION } from './version.js';
export { loadLanguage, type Analysis, type Language } from './language/index.js';
