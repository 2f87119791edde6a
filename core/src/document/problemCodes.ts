/** Codes of the problems found while reading a text, before any API Gateway rule runs. */

/** The text is not valid YAML or JSON (or an alias points nowhere); what could be read is kept. */
export const SYNTAX_CODE = 'apigw.document.syntax';

/** A mapping repeats a key; API Gateway keeps the last value. */
export const DUPLICATE_KEY_CODE = 'apigw.document.duplicate-key';

/** YAML aliases expand the document by millions of nodes (a "billion laughs"). */
export const ALIAS_EXPANSION_CODE = 'apigw.document.alias-expansion';

/** The file is larger than the size apigw reads; it is not checked. */
export const TOO_LARGE_CODE = 'apigw.document.too-large';

/** The file holds binary data (control characters), not YAML or JSON text. */
export const BINARY_CODE = 'apigw.document.binary';
