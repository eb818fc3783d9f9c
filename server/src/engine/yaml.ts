// The yaml library, loaded when first needed: most postings have no front matter, and running the
// library's module code at start-up was about 7 ms of the language server's cold start.
import type * as YamlModule from 'yaml';

let loaded: typeof YamlModule | undefined;

export function yaml(): typeof YamlModule {
  return (loaded ??= require('yaml') as typeof YamlModule);
}
