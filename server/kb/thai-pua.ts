/**
 * Private Use Area glyphs of pre-OpenType Thai fonts and the character each
 * one draws. Fonts without Thai GSUB (Windows-era TH SarabunPSK, Tahoma; Mac
 * fonts in U+F884-U+F89E) put shifted forms of marks and descender-less
 * consonants in the PUA, and shapers substitute them; PDF writers then copy
 * the glyph's PUA code point into the text layer. Inverting the shaper's table
 * gives the base code point back.
 *
 * Source: HarfBuzz, src/hb-ot-shaper-thai.cc, thai_pua_shape() tables
 * SD (shift down), SDL (shift down-left), SL (shift left) and RD (remove
 * descender), columns win_pua and mac_pua (MIT licence). The same glyphs are
 * what Chromium's PDF output of tlwg fonts carries (test/fixtures/import/).
 */
export const THAI_PUA: ReadonlyArray<readonly [pua: number, base: number, note: string]> = [
  // SD: tone marks and below vowels shifted down (no upper vowel, or under a descender).
  [0xf70a, 0x0e48, 'SD MAI EK'], [0xf88b, 0x0e48, 'SD MAI EK (Mac)'],
  [0xf70b, 0x0e49, 'SD MAI THO'], [0xf88e, 0x0e49, 'SD MAI THO (Mac)'],
  [0xf70c, 0x0e4a, 'SD MAI TRI'], [0xf891, 0x0e4a, 'SD MAI TRI (Mac)'],
  [0xf70d, 0x0e4b, 'SD MAI CHATTAWA'], [0xf894, 0x0e4b, 'SD MAI CHATTAWA (Mac)'],
  [0xf70e, 0x0e4c, 'SD THANTHAKHAT'], [0xf897, 0x0e4c, 'SD THANTHAKHAT (Mac)'],
  [0xf718, 0x0e38, 'SD SARA U'], [0xf89b, 0x0e38, 'SD SARA U (Mac)'],
  [0xf719, 0x0e39, 'SD SARA UU'], [0xf89c, 0x0e39, 'SD SARA UU (Mac)'],
  [0xf71a, 0x0e3a, 'SD PHINTHU'], [0xf89d, 0x0e3a, 'SD PHINTHU (Mac)'],
  // SDL: tone marks shifted down and left (after an ascender consonant).
  [0xf705, 0x0e48, 'SDL MAI EK'], [0xf88c, 0x0e48, 'SDL MAI EK (Mac)'],
  [0xf706, 0x0e49, 'SDL MAI THO'], [0xf88f, 0x0e49, 'SDL MAI THO (Mac)'],
  [0xf707, 0x0e4a, 'SDL MAI TRI'], [0xf892, 0x0e4a, 'SDL MAI TRI (Mac)'],
  [0xf708, 0x0e4b, 'SDL MAI CHATTAWA'], [0xf895, 0x0e4b, 'SDL MAI CHATTAWA (Mac)'],
  [0xf709, 0x0e4c, 'SDL THANTHAKHAT'], [0xf898, 0x0e4c, 'SDL THANTHAKHAT (Mac)'],
  // SL: upper vowels and marks shifted left (after an ascender consonant ป ฝ ฟ ฬ).
  [0xf713, 0x0e48, 'SL MAI EK'], [0xf88a, 0x0e48, 'SL MAI EK (Mac)'],
  [0xf714, 0x0e49, 'SL MAI THO'], [0xf88d, 0x0e49, 'SL MAI THO (Mac)'],
  [0xf715, 0x0e4a, 'SL MAI TRI'], [0xf890, 0x0e4a, 'SL MAI TRI (Mac)'],
  [0xf716, 0x0e4b, 'SL MAI CHATTAWA'], [0xf893, 0x0e4b, 'SL MAI CHATTAWA (Mac)'],
  [0xf717, 0x0e4c, 'SL THANTHAKHAT'], [0xf896, 0x0e4c, 'SL THANTHAKHAT (Mac)'],
  [0xf710, 0x0e31, 'SL MAI HAN-AKAT'], [0xf884, 0x0e31, 'SL MAI HAN-AKAT (Mac)'],
  [0xf701, 0x0e34, 'SL SARA I'], [0xf885, 0x0e34, 'SL SARA I (Mac)'],
  [0xf702, 0x0e35, 'SL SARA II'], [0xf886, 0x0e35, 'SL SARA II (Mac)'],
  [0xf703, 0x0e36, 'SL SARA UE'], [0xf887, 0x0e36, 'SL SARA UE (Mac)'],
  [0xf704, 0x0e37, 'SL SARA UEE'], [0xf888, 0x0e37, 'SL SARA UEE (Mac)'],
  [0xf712, 0x0e47, 'SL MAITAIKHU'], [0xf889, 0x0e47, 'SL MAITAIKHU (Mac)'],
  [0xf711, 0x0e4d, 'SL NIKHAHIT'], [0xf899, 0x0e4d, 'SL NIKHAHIT (Mac)'],
  // RD: consonants drawn without their descender (above a below vowel).
  [0xf70f, 0x0e0d, 'RD YO YING'], [0xf89a, 0x0e0d, 'RD YO YING (Mac)'],
  [0xf700, 0x0e10, 'RD THO THAN'], [0xf89e, 0x0e10, 'RD THO THAN (Mac)'],
];

export const PUA_TO_BASE: ReadonlyMap<string, string> = new Map(
  THAI_PUA.map(([pua, base]) => [String.fromCodePoint(pua), String.fromCodePoint(base)]),
);
