/**
 * User-supplied text (names, descriptions, messages from the server) is isolated from the text around it, so
 * right-to-left or override characters in data (U+202E …) cannot reverse the kit's own words or numbers.
 * In templates the shared tokens give inline elements `unicode-bidi: isolate`; inside a translated sentence (a
 * string), `isolate()` wraps the value in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE: the PDI also ends any
 * embedding or override the value left open (UAX #9, X6a).
 */
export const isolate = (text: string | number | null | undefined): string => `\u2068${text ?? ''}\u2069`;
