/** The part of the `vcf` package (vCard 2.1/3.0/4.0 parser and writer, no types of its own) that Tradebook uses. */
declare module 'vcf' {
  class Property {
    constructor(field: string, value: string, params?: Record<string, string | string[]>);
    type?: string | string[];
    encoding?: string;
    charset?: string;
    value?: string;
    valueOf(): string;
    toString(version?: string): string;
  }
  class VCard {
    constructor();
    static Property: typeof Property;
    static parse(text: string): VCard[];
    version: string;
    data: Record<string, Property | Property[] | undefined>;
    get(key: string): Property | Property[] | undefined;
    set(key: string, value: string, params?: Record<string, string | string[]>): this;
    add(key: string, value: string, params?: Record<string, string | string[]>): this;
    parse(text: string): this;
    toString(version?: string): string;
  }
  export = VCard;
}
