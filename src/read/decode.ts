// Bytes to text: strict UTF-8, BOM removed. Every offset in the output refers to this text.

export class InputError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = 'InputError';
  }
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Decodes UTF-8 (throws InputError 'invalid-utf8' on bad bytes, 'binary' on NUL bytes). */
export function decodeUtf8(bytes: Uint8Array): string {
  if (bytes.includes(0)) throw new InputError('binary', 'binary data (NUL bytes), not text');
  try {
    return decoder.decode(bytes);
  } catch {
    throw new InputError('invalid-utf8', 'invalid UTF-8');
  }
}

/** Strips a leading BOM (TextDecoder does for bytes; strings handed in by callers may still have one). */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
