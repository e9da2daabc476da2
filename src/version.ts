/** The kit's version; kept equal to package.json's by a test. Used by the guarded `define()`. */
export const VERSION = '0.1.0';
