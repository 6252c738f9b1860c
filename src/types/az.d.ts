// Types for the parts of the untyped `az` package (OpenCorpora morphology) that we use.
declare module 'az' {
  export interface AzTag {
    POST?: string;
    CAse?: string;
    NMbr?: string;
    GNdr?: string;
    stat: string[];
    flex: string[];
    [grammeme: string]: unknown;
    toString(): string;
  }
  export interface AzParse {
    word: string;
    tag: AzTag;
    score: number;
    parser?: string;
    normalize(keepPos?: boolean): AzParse;
    inflect(grammemes: string[] | Record<string, boolean>): AzParse | false;
  }
  export interface AzMorph {
    (word: string, config?: Record<string, unknown>): AzParse[];
    init(path: string, callback: (err?: unknown) => void): void;
  }
  const Az: {
    Morph: AzMorph;
    load: (url: string, responseType: string, callback: (err: unknown, data?: unknown) => void) => void;
  };
  export default Az;
}
