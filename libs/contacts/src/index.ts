export * from './contacts.module';
export * from './contact-import.service';
export * from './contact-lists.service';
export * from './contact-lists.dto';
export { normalisePhone, timeZoneForNumber, type NormalisedPhone, type PhoneResult } from './phone';
export { canonicalTimeZone } from './time-zones';
export { planColumns, fieldKey, type ColumnMapping, type ColumnPlan } from './columns';
export { neutraliseFormula, csvField, csvLine } from './csv-safety';
export { jsonSource, openUpload, XLSX_TYPE, type RowSource, type SourceRow } from './import-sources';
