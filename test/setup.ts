// The library loads its zod schemas with require() on first use (src/output/contract.ts). Here
// the sources are TypeScript, which require() cannot read: the same modules come through vitest.
import { vi } from 'vitest';

vi.mock('../src/output/contract.js', async () => {
  const output = await import('../src/output/schema.js');
  const dictionary = {
    ...(await import('../src/dictionary/schema.js')), ...(await import('../src/dictionary/triggers-schema.js')), ...(await import('../src/dictionary/english-schema.js')),
  };
  return { outputSchemas: () => output, dictionarySchemas: () => dictionary };
});
