/**
 * Lexical tie-breakers for two pairs of near-identical written languages that n-gram models
 * (lid.176, tinyld) confuse on tweet-length text:
 *
 * - Indonesian vs Malay, and informal Indonesian vs unrelated Latin-script labels: slang such
 *   as "banget", "nggak", "nyesel" is rare in lid.176's (Wikipedia/Tatoeba) training text, so
 *   a short post can come out as Hungarian or Italian.
 * - Danish vs Norwegian (Bokmål and Nynorsk): most short Danish posts are also *almost*
 *   Norwegian; a handful of function words and spellings tell them apart.
 *
 * The word lists are small, hand-picked and documented (docs/classification/
 * language-identification.md, "Close languages"). A word goes on one side only when it is
 * ordinary on that side and unusual or wrong on the other (Malay "bisa" means venom; Danish
 * "mig" is Norwegian "meg"). Words both sides use every day ("tidak", "saya", "yang",
 * "synes", "hvorfor") are *group* words: they show the text belongs to the group, but do not
 * choose a member. The lists decide only when the statistical answer is already in the group
 * (or, for Indonesian/Malay, when group words make up a good part of the post); when they are
 * silent or tied, lid.176's probability mass over the group's members decides.
 */

import { LETTERS, runsOf } from '../code-points';

export interface CloseGroup {
  /** lid.176 labels of the group; the first is the language the `first` words vote for */
  members: readonly string[];
  /** members the `second` words vote for (the most probable of them per lid.176 is chosen) */
  secondMembers: readonly string[];
  first: ReadonlySet<string>;
  second: ReadonlySet<string>;
  /** words both members use, evidence for the group as a whole */
  shared: ReadonlySet<string>;
  /** word endings that vote for `first` / `second` / the group */
  firstSuffixes: readonly string[];
  /** letter sequences anywhere in a word that vote for `first` / `second` */
  firstParts: readonly string[];
  secondParts: readonly string[];
  secondSuffixes: readonly string[];
  sharedSuffixes: readonly string[];
  /** whether group evidence may pull a text whose statistical answer is outside the group */
  pullIn: boolean;
}

export const INDONESIAN_MALAY: CloseGroup = {
  members: ['id', 'ms'],
  secondMembers: ['ms'],
  // Indonesian, mostly colloquial (Jakarta) forms that Malay writes differently.
  first: new Set([
    'banget', 'nggak', 'ngga', 'enggak', 'gak', 'ga', 'aja', 'udah', 'deh', 'sih', 'dong', 'kok',
    'nih', 'gimana', 'bisa', 'mau', 'karena', 'kalo', 'tau', 'cuma', 'mulu', 'kapan', 'kak',
    'makasih', 'jelek', 'nyesel', 'nyangka', 'dateng', 'seneng', 'uang', 'telepon', 'kemarin',
    'gratis', 'ukuran', 'nomor', 'silakan', 'kantor', 'mobil', 'ongkir',
  ]),
  // Malay forms that Indonesian does not use (or uses with another meaning).
  second: new Set([
    'boleh', 'awak', 'kerana', 'sahaja', 'betul', 'nak', 'dah', 'kat', 'ni', 'mahu',
    'wang', 'percuma', 'saiz', 'nombor', 'telefon', 'penghantaran', 'teruk', 'sedap', 'sila',
    'pejabat', 'kereta', 'semalam', 'bayaran', 'balik', 'asyik', 'siapa', 'bila',
  ]),
  shared: new Set([
    'yang', 'dengan', 'tidak', 'sudah', 'belum', 'juga', 'sekali', 'sangat', 'saya', 'kamu',
    'kami', 'kita', 'mereka', 'beli', 'lagi', 'tapi', 'tetapi', 'dan', 'untuk', 'dari', 'ini',
    'itu', 'ada', 'akan', 'dalam', 'atau', 'kenapa', 'mengapa', 'bagaimana', 'sini', 'enak',
    'terima', 'kasih', 'tolong', 'harga', 'barang', 'pesanan', 'sampai', 'setiap', 'orang',
    'satu', 'lain', 'hari', 'minggu', 'masih', 'terus', 'hanya', 'semua', 'apa', 'apakah',
    'tanpa', 'oleh', 'kepada', 'bagi', 'berhak', 'atas', 'memang', 'sebab', 'kenal', 'baru',
    'banyak', 'sama', 'ya', 'kecewa', 'parah', 'bakal',
    // Malay's everyday negation, but also literary Indonesian ("tak ada", "tak terbatas")
    'tak',
  ]),
  firstSuffixes: [],
  firstParts: [],
  secondParts: [],
  secondSuffixes: [],
  // the possessive/nominalising clitic: "kualitasnya", "pengirimannya"
  sharedSuffixes: ['nya'],
  pullIn: true,
};

export const DANISH_NORWEGIAN: CloseGroup = {
  members: ['da', 'no', 'nn'],
  secondMembers: ['no', 'nn'],
  first: new Set([
    'af', 'hvad', 'mig', 'dig', 'sig', 'nogle', 'nogen', 'noget', 'efter', 'købe', 'købt',
    'købte', 'meget', 'nu', 'lidt', 'sgu', 'tak', 'jer', 'jeres', 'blevet', 'bliver', 'hvornår',
    'op', 'uge', 'uger', 'ugen', 'stadig', 'fik', 'hjælp', 'hjælpen', 'tilbage', 'penge',
    'ude', 'rigtig', 'sidste', 'anden', 'andet', 'bedste', 'gerne', 'sød', 'ret', 'kold',
    'intet', 'internet', 'lige', 'endnu', 'nej', 'åben', 'åbent', 'sjov', 'spørgsmål', 'købet',
    'ærligt', 'igennem', 'aldrig', 'gør', 'gøre', 'gøres',
  ]),
  // Bokmål, and the commonest Nynorsk forms.
  second: new Set([
    'av', 'hva', 'meg', 'deg', 'seg', 'noen', 'noe', 'etter', 'kjøpe', 'kjøpt', 'kjøpte',
    'veldig', 'nå', 'litt', 'takk', 'dere', 'blitt', 'blir', 'opp', 'uke', 'uker', 'uka',
    'fortsatt', 'fremdeles', 'fikk', 'hjelp', 'hjelpen', 'tilbake', 'penger', 'ute', 'riktig',
    'siste', 'annen', 'annet', 'beste', 'gjerne', 'søt', 'rett', 'kald', 'internett', 'ennå',
    'nei', 'åpen', 'åpent', 'spørsmål', 'ærlig', 'gjennom', 'aldri', 'raskt', 'rask', 'ikkje',
    'eg', 'kva', 'korleis', 'kvifor', 'berre', 'mykje', 'heilt', 'gjør', 'gjøre', 'gjøres',
  ]),
  shared: new Set(),
  // frihed/frihet, sikkerheden/sikkerheten
  firstSuffixes: ['hed', 'heden', 'heder'],
  // Danish kende/kendt/anerkende is Norwegian kjenne/kjent/anerkjenne; "kj" (kjøpe, kjøre,
  // skjer) is Norwegian spelling that Danish writes "k"/"sk" (købe, køre, sker).
  firstParts: ['kend'],
  secondParts: ['kj'],
  secondSuffixes: ['het', 'heten', 'heter'],
  sharedSuffixes: [],
  pullIn: false,
};

export const CLOSE_GROUPS: readonly CloseGroup[] = [INDONESIAN_MALAY, DANISH_NORWEGIAN];

export interface GroupEvidence {
  /** words voting for the first member, for the second member(s), and for the group */
  first: number;
  second: number;
  shared: number;
  /** words in the text */
  words: number;
}

/** Lower-cased words of the text (runs of letters): `split(/[^\p{L}]+/u)` without its cost. */
export function wordsOf(text: string): string[] {
  return runsOf(text.toLowerCase(), LETTERS);
}

export function groupEvidence(group: CloseGroup, words: readonly string[]): GroupEvidence {
  const evidence: GroupEvidence = { first: 0, second: 0, shared: 0, words: words.length };
  for (const word of words) {
    if (group.first.has(word)) evidence.first++;
    else if (group.second.has(word)) evidence.second++;
    else if (group.shared.has(word)) evidence.shared++;
    else if (endsWithAny(word, group.firstSuffixes) || containsAny(word, group.firstParts)) evidence.first++;
    else if (endsWithAny(word, group.secondSuffixes) || containsAny(word, group.secondParts)) evidence.second++;
    else if (endsWithAny(word, group.sharedSuffixes)) evidence.shared++;
  }
  return evidence;
}

function endsWithAny(word: string, suffixes: readonly string[]): boolean {
  for (const suffix of suffixes) if (word.length >= suffix.length + 3 && word.endsWith(suffix)) return true;
  return false;
}

function containsAny(word: string, parts: readonly string[]): boolean {
  for (const part of parts) if (word.includes(part)) return true;
  return false;
}

/** Group evidence needed before a text outside the group is pulled in: at least this many
 * group words, making up at least this share of the text's words. */
export const PULL_IN_MIN_WORDS = 2;
export const PULL_IN_MIN_SHARE = 0.3;

export function pullsIn(evidence: GroupEvidence): boolean {
  const total = evidence.first + evidence.second + evidence.shared;
  return total >= PULL_IN_MIN_WORDS && total >= PULL_IN_MIN_SHARE * evidence.words;
}
