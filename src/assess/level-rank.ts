/**
 * Classification levels from highest to lowest: `TS` > `S` > `C` > `R` > control levels
 * (`CUI`, `FOUO`, `LOU`, `SBU`) > `U`. Codes not listed are not levels.
 */
export const LEVEL_RANK: Readonly<Record<string, number>> = { TS: 9, S: 8, C: 7, R: 6, CUI: 3, FOUO: 3, LOU: 3, SBU: 3, U: 1 };
