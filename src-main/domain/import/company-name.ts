/**
 * A company name reduced to what tells two spellings of one company apart from two companies: accents, case,
 * punctuation and the legal form (Ltd, LLC, Inc., GmbH, S.L., S.A. de C.V., Sp. z o.o., 有限公司, 株式会社…) are left
 * out, so "Válvulas Ibéricas, S.L." and "VALVULAS IBERICAS SL" are one company and a duplicate in the book.
 */
const LEGAL = new Set([
  'ltd', 'limited', 'llc', 'inc', 'incorporated', 'corp', 'corporation', 'co', 'company', 'cos', 'plc', 'llp', 'lp', 'pty', 'pvt', 'private',
  'gmbh', 'ag', 'kg', 'ohg', 'ug', 'mbh', 'ev', 'sl', 'slu', 'sa', 'sau', 'sas', 'sarl', 'eurl', 'srl', 'srls', 'spa', 'snc', 'sapa', 'sab', 'cv', 'rl',
  'bv', 'nv', 'vof', 'oy', 'oyj', 'ab', 'as', 'asa', 'aps', 'kk', 'sdn', 'bhd', 'tbk', 'pt', 'jsc', 'ojsc', 'pjsc', 'ooo', 'zao', 'ao', 'doo', 'dd',
  'sro', 'spzoo', 'sp', 'zoo', 'oo', 'z', 'ltda', 'eireli', 'cia', 'sti', 'fze', 'fzco', 'fzc', 'fzllc', 'wll', 'est', 'establishment',
  'group', 'holding', 'holdings',
]);
/** Words that only join two parts of a legal form ("GmbH & Co. KG", "S.A. de C.V."). */
const JOINERS = new Set(['and', 'und', 'et', 'y', 'e', 'de', 'of']);
const CJK_SUFFIX = /(?:股份有限公司|有限责任公司|有限公司|集团公司|集团|总公司|公司|株式会社|有限会社|合同会社)$/u;
const CJK_PREFIX = /^(?:株式会社|有限会社)/u;

export function normaliseCompanyName(name: string): string {
  const folded = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\./g, '')
    .replace(/&/g, ' and ')
    .replace(/\((?:株|有)\)/gu, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  const tokens = folded.split(/\s+/).filter(Boolean);
  // Chinese and Japanese forms are written without spaces, at the end of the last word (or the start of the first).
  for (let i = 0; i < 3 && tokens.length > 0; i++) {
    const last = tokens[tokens.length - 1]!;
    const stripped = last.replace(CJK_SUFFIX, '');
    if (stripped === last) break;
    if (stripped) tokens[tokens.length - 1] = stripped;
    else tokens.pop();
  }
  if (tokens.length > 0) {
    const first = tokens[0]!.replace(CJK_PREFIX, '');
    if (first) tokens[0] = first;
    else tokens.shift();
  }
  let end = tokens.length;
  let stripped = false;
  while (end > 1) {
    const token = tokens[end - 1]!;
    if (LEGAL.has(token) || (stripped && JOINERS.has(token))) {
      end--;
      stripped = true;
    } else break;
  }
  const key = tokens.slice(0, end).join(' ');
  return key || name.normalize('NFKC').trim().toLowerCase();
}
