import type { Plugin } from 'vite';
import type { SourceMap } from 'magic-string';

export function minifyTemplatePieces(pieces: string[]): string[];
export function minifyHtmlLiterals(code: string, fileName?: string): { code: string; map: SourceMap } | undefined;
export function minifyHtmlLiteralsPlugin(): Plugin;
