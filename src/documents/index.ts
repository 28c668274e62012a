export type { Aside, Document, DocumentFormat, DraftImage, LinkTarget, SuppressionComment, TableCellPlace } from './document.js';
export { OBJECT } from './docx.js';
export { localImagePath, readPhotoMetadata, type PhotoMetadata } from './photo-metadata.js';
export { checkDraftSize, decodeDraft, DRAFT_EXTENSIONS, encodeDraft, formatOf, MAX_DRAFT_BYTES, parseDocument, readDraft, readDraftBytes, UnreadableDraftError, type Draft, type TextEncoding } from './read.js';
export type { Segment, SegmentKind, SourceText } from './source-text.js';
