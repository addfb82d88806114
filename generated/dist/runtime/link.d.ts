/** The pagination targets of a `Link` header, URLs exactly as given. */
export interface Links {
    readonly next?: string;
    readonly prev?: string;
    readonly first?: string;
    readonly last?: string;
}
/**
 * Parses a `Link` header. Commas inside `<…>` and inside quoted parameter values do not split
 * links; `rel` may list several relations (`rel="next last"`); the first link for a relation wins.
 */
export declare function parseLink(header: string | null | undefined): Links;
