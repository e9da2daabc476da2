/** The kit's version (package.json's `version`). Two kits on one page: the first to define a tag keeps it. */
export const VERSION = '0.1.0';
