// Types of source-stamp.mjs (plain JavaScript, so that the launcher needs no compiler).
export declare function sourceStamp (root: string): string
export declare const STAMP_FILE: string
