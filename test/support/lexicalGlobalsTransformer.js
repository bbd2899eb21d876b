/**
 * ts-jest, with Math and Number bound as module-level constants in every compiled test and source
 * file. Jest runs modules in a vm context, where each look-up of a global such as `Math` goes
 * through the context's interceptor: `Math.log` in a loop cost about 220 ns per call here instead of
 * 10 ns in plain Node, so the analytics ran 10 to 20 times slower under test than in Excel or the
 * benchmarks (a BG/NBD fit on 250,000 customers: 9 s instead of 0.85 s). The constants are the
 * same objects, so no behaviour changes. They go after the "use strict" directive on the first
 * line, so source-map line numbers stay the same.
 */
const { TsJestTransformer } = require("ts-jest");

const PRELUDE = "const Math = globalThis.Math, Number = globalThis.Number;";
const DIRECTIVE = '"use strict";';

function withPrelude(code) {
  return code.startsWith(DIRECTIVE) ? DIRECTIVE + PRELUDE + code.slice(DIRECTIVE.length) : PRELUDE + code;
}

class LexicalGlobalsTransformer extends TsJestTransformer {
  process(sourceText, sourcePath, options) {
    const result = super.process(sourceText, sourcePath, options);
    return { ...result, code: withPrelude(result.code) };
  }

  async processAsync(sourceText, sourcePath, options) {
    const result = await super.processAsync(sourceText, sourcePath, options);
    return { ...result, code: withPrelude(result.code) };
  }

  getCacheKey(...args) {
    return `${super.getCacheKey(...args)}:lexical-globals-1`;
  }

  async getCacheKeyAsync(...args) {
    return `${await super.getCacheKeyAsync(...args)}:lexical-globals-1`;
  }
}

module.exports = { createTransformer: (config) => new LexicalGlobalsTransformer(config) };
