/** The version of the output contract (shared/spec/output.md), in every result and error record. */
export const SCHEMA_VERSION = 1;
