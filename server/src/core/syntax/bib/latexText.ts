// Turns the LaTeX of a BibTeX field value into plain Unicode text: accents ("\'e", "{\"o}", "\c{c}"), special
// letters ("\ss", "\o", "\l"), escaped characters ("\&"), dashes ("--", "---"), TeX quotes ("``", "''"),
// "\enquote{}", and font commands ("\textit{x}" gives "x"). Protective braces are removed, unknown commands are
// dropped while their arguments stay as text, and the result is NFC. One pass without recursion, so any input,
// however deeply nested, is read in linear time.

/** Combining marks of the accent commands; the result is composed to NFC at the end. */
const ACCENTS = table({
  "'": '\u0301', '`': '\u0300', '^': '\u0302', '"': '\u0308', '~': '\u0303', '=': '\u0304', '.': '\u0307',
  u: '\u0306', v: '\u030c', H: '\u030b', c: '\u0327', k: '\u0328', r: '\u030a', d: '\u0323', b: '\u0331', t: '\u0361',
});

/** What an accent command with an empty argument ("\~{}") prints on its own. */
const SPACING_ACCENTS = table({ "'": '´', '`': '`', '^': '^', '"': '¨', '~': '~', '=': '¯', '.': '˙' });

/** Commands that stand for a character or a word. */
const SYMBOLS = table({
  ss: 'ß', SS: 'SS', o: 'ø', O: 'Ø', ae: 'æ', AE: 'Æ', oe: 'œ', OE: 'Œ', aa: 'å', AA: 'Å', l: 'ł', L: 'Ł', i: 'ı', j: 'ȷ',
  dh: 'ð', DH: 'Ð', th: 'þ', TH: 'Þ', dj: 'đ', DJ: 'Đ', ng: 'ŋ', NG: 'Ŋ',
  ldots: '…', dots: '…', textellipsis: '…', textendash: '–', textemdash: '—',
  textquoteleft: '‘', textquoteright: '’', textquotedblleft: '“', textquotedblright: '”', guillemotleft: '«', guillemotright: '»',
  textasciitilde: '~', textasciicircum: '^', textbackslash: '\\', textbar: '|', textless: '<', textgreater: '>',
  textunderscore: '_', S: '§', P: '¶', copyright: '©', textcopyright: '©', textregistered: '®', texttrademark: '™',
  pounds: '£', textsterling: '£', euro: '€', texteuro: '€', textdegree: '°', LaTeX: 'LaTeX', TeX: 'TeX', BibTeX: 'BibTeX',
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', varepsilon: 'ε', zeta: 'ζ', eta: 'η', theta: 'θ',
  iota: 'ι', kappa: 'κ', lambda: 'λ', mu: 'μ', nu: 'ν', xi: 'ξ', pi: 'π', rho: 'ρ', sigma: 'σ', tau: 'τ', upsilon: 'υ',
  phi: 'φ', varphi: 'φ', chi: 'χ', psi: 'ψ', omega: 'ω', Gamma: 'Γ', Delta: 'Δ', Theta: 'Θ', Lambda: 'Λ', Xi: 'Ξ',
  Pi: 'Π', Sigma: 'Σ', Phi: 'Φ', Psi: 'Ψ', Omega: 'Ω', times: '×', pm: '±', leq: '≤', geq: '≥', infty: '∞',
  quad: ' ', qquad: ' ', nobreakspace: ' ', space: ' ', slash: '/', textslash: '/',
});

/** Control symbols ("\&", "\ "): the character after the backslash, or what it prints. */
const CONTROL_SYMBOLS = table({
  '&': '&', '%': '%', $: '$', _: '_', '#': '#', '{': '{', '}': '}', ' ': ' ', ',': ' ', ';': ' ', ':': ' ', '!': '',
  '-': '', '/': '', '@': '', '\\': ' ',
});

/** The dotless letters take accents as plain letters: "\'{\i}" is "í". */
const DOTLESS_UNDER_ACCENT = table({ i: 'i', j: 'j' });

/** Characters the decoder acts on, marked with 1 by character code; everything else is copied as it is. */
const SPECIAL_CHARACTERS = asciiSet('\\{}~-`\'$ \n\r\t\f');

/** What `latexVerbatim` removes besides surrounding blanks: escapes, braces and line breaks. */
const VERBATIM_MARKUP = /[\\{}\n]/u;

const SPACE = 32;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const BRACES = /[{}]/gu;
const HYPHEN = 45;
const APOSTROPHE = 39;

/** Characters that always need the decoder; spaces, hyphens and apostrophes need it only when doubled, and braces
 * only with one of these. */
const ALWAYS_DECODED = asciiSet('\\~`$\n\r\t\f');

const QUOTE_COMMANDS = new Set(['enquote', 'mkbibquote']);

/** A table of ASCII characters by character code: 1 for each character of `characters`. */
function asciiSet(characters: string): Uint8Array {
  const set = new Uint8Array(128);
  for (const char of characters) set[char.charCodeAt(0)] = 1;
  return set;
}

function isSpecial(code: number): boolean {
  return code < 128 && SPECIAL_CHARACTERS[code] === 1;
}

/** A lookup table that answers only for its own keys ("\\constructor" is not a symbol). */
function table(entries: Record<string, string>): Map<string, string> {
  return new Map(Object.entries(entries));
}

interface OpenQuote {
  depth: number;
  close: string;
}

/** Decodes LaTeX to Unicode text on one line, spaces collapsed and trimmed. */
export function latexToUnicode(latex: string): string {
  if (!isPlainText(latex)) return new LatexDecoder(latex).decode();
  return composed(withoutBraces(latex).trim());
}

/**
 * Whether the decoder would only drop braces and trim the text: it has no command, tie, math shift, TeX quote, dash
 * pair, line break or run of spaces, braces left out. Most field values (years, numbers, names, titles with
 * protective braces such as "{B}ayesian") are like this and skip the decoder.
 */
function isPlainText(latex: string): boolean {
  let previous = 0;
  for (let i = 0; i < latex.length; i++) {
    const code = latex.charCodeAt(i);
    if (code === OPEN_BRACE || code === CLOSE_BRACE) continue;
    if (code < 128 && ALWAYS_DECODED[code] === 1) return false;
    if (code === previous && (code === SPACE || code === HYPHEN || code === APOSTROPHE)) return false;
    previous = code;
  }
  return true;
}

function withoutBraces(text: string): string {
  return text.includes('{') || text.includes('}') ? text.replace(BRACES, '') : text;
}

/** Accented letters written as a letter and a combining mark become one character. */
function composed(text: string): string {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 127) return text.normalize('NFC');
  return text;
}

/**
 * Reads a verbatim field (url, doi): only escapes ("\_", "\%") and braces are removed, and line breaks with their
 * indentation are dropped, because dashes and tildes are part of the address.
 */
export function latexVerbatim(latex: string): string {
  if (!VERBATIM_MARKUP.test(latex)) return latex.trim();
  return latex
    .replace(/\\([_%#&$~])/gu, '$1')
    .replace(BRACES, '')
    .replace(/\s*\n\s*/gu, '')
    .trim();
}

class LatexDecoder {
  private out = '';
  /** Whether `out` is empty or ends with a space, so that a blank adds nothing (kept here because asking `out`
   * itself would flatten the string being built at every blank). */
  private atSpace = true;
  private depth = 0;
  private pendingAccent = '';
  private readonly quotes: OpenQuote[] = [];
  private position = 0;

  constructor(private readonly latex: string) {}

  decode(): string {
    const latex = this.latex;
    while (this.position < latex.length) {
      const char = latex[this.position];
      switch (char) {
        case '\\':
          this.readCommand();
          break;
        case '{':
          this.depth++;
          this.position++;
          break;
        case '}':
          this.closeGroup();
          break;
        case '~':
          this.emitSpace();
          this.position++;
          break;
        case '-':
          this.readDashes();
          break;
        case '`':
        case "'":
          this.readQuoteMarks(char);
          break;
        case '$':
          this.position++;
          break;
        default:
          if (isBlank(char)) {
            this.emitSpace();
            this.position++;
          } else this.readPlainRun();
      }
    }
    this.flushAccent();
    return composed(this.out.trim());
  }

  /** Copies a run of characters that need no decoding in one piece; a single space between two such characters is
   * part of the run, since it would be copied as it is. */
  private readPlainRun(): void {
    const latex = this.latex;
    let end = this.position + 1;
    while (end < latex.length) {
      if (!isSpecial(latex.charCodeAt(end))) end++;
      else if (latex.charCodeAt(end) === SPACE && end + 1 < latex.length && !isSpecial(latex.charCodeAt(end + 1))) end += 2;
      else break;
    }
    this.emit(latex.slice(this.position, end));
    this.position = end;
  }

  private readCommand(): void {
    const latex = this.latex;
    const nameStart = this.position + 1;
    let nameEnd = nameStart;
    while (nameEnd < latex.length && isAsciiLetter(latex.charCodeAt(nameEnd))) nameEnd++;
    if (nameEnd === nameStart) {
      this.readControlSymbol(latex[nameStart]);
      return;
    }
    const name = latex.slice(nameStart, nameEnd);
    const starred = latex[nameEnd] === '*';
    // TeX ignores the blanks after a control word.
    this.position = skipBlanks(latex, starred ? nameEnd + 1 : nameEnd);
    const symbol = SYMBOLS.get(name);
    if (ACCENTS.has(name)) this.startAccent(name);
    else if (symbol !== undefined) this.emit((this.pendingAccent && DOTLESS_UNDER_ACCENT.get(name)) || symbol);
    else if (QUOTE_COMMANDS.has(name)) this.openQuote(starred);
  }

  private readControlSymbol(symbol: string | undefined): void {
    this.position += symbol === undefined ? 1 : 2;
    if (symbol === undefined) return;
    const printed = CONTROL_SYMBOLS.get(symbol);
    if (ACCENTS.has(symbol)) this.startAccent(symbol);
    else if (printed !== undefined) this.emit(printed);
    else if (isBlank(symbol)) this.emitSpace();
  }

  /** The accent applies to the next letter, wherever it is ("\'e", "\'{e}", "{\'e}", "\' e"). */
  private startAccent(accent: string): void {
    this.flushAccent();
    this.pendingAccent = accent;
  }

  /** An accent with nothing to apply to ("\~{}") prints on its own. */
  private flushAccent(): void {
    if (!this.pendingAccent) return;
    const spacing = SPACING_ACCENTS.get(this.pendingAccent);
    if (spacing !== undefined) this.append(spacing);
    this.pendingAccent = '';
  }

  /** "\enquote{x}" prints “x”; a quote inside a quote, or "\enquote*", uses single marks. */
  private openQuote(single: boolean): void {
    if (this.latex[this.position] !== '{') return;
    const useSingle = single || this.quotes.length % 2 === 1;
    this.emit(useSingle ? '‘' : '“');
    this.quotes.push({ depth: this.depth + 1, close: useSingle ? '’' : '”' });
  }

  private closeGroup(): void {
    if (this.pendingAccent && this.latex[this.position - 1] === '{') this.flushAccent();
    const quote = this.quotes[this.quotes.length - 1];
    if (quote && quote.depth === this.depth) {
      this.quotes.pop();
      this.emit(quote.close);
    }
    if (this.depth > 0) this.depth--;
    this.position++;
  }

  /** "--" is an en dash and "---" an em dash. */
  private readDashes(): void {
    let end = this.position;
    while (this.latex[end] === '-') end++;
    let count = end - this.position;
    while (count >= 3) {
      this.emit('—');
      count -= 3;
    }
    if (count === 2) this.emit('–');
    else if (count === 1) this.emit('-');
    this.position = end;
  }

  /** "``" and "''" are double quotation marks, "`" an opening single one; a lone "'" stays an apostrophe. */
  private readQuoteMarks(mark: string): void {
    const doubled = this.latex[this.position + 1] === mark;
    if (mark === '`') this.emit(doubled ? '“' : '‘');
    else this.emit(doubled ? '”' : "'");
    this.position += doubled ? 2 : 1;
  }

  private emit(text: string): void {
    if (text === '') return;
    if (text === ' ') {
      this.emitSpace();
      return;
    }
    if (this.pendingAccent) {
      const mark = ACCENTS.get(this.pendingAccent) ?? '';
      this.pendingAccent = '';
      const first = String.fromCodePoint(text.codePointAt(0)!);
      this.append(first + mark + text.slice(first.length));
      return;
    }
    this.append(text);
  }

  private append(text: string): void {
    this.out += text;
    this.atSpace = text.charCodeAt(text.length - 1) === SPACE;
  }

  /** Blanks collapse to one space; blanks between an accent and its letter are skipped. */
  private emitSpace(): void {
    if (this.pendingAccent) return;
    if (!this.atSpace) this.append(' ');
  }
}

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function isBlank(char: string): boolean {
  return char === ' ' || char === '\n' || char === '\r' || char === '\t' || char === '\f';
}

function skipBlanks(text: string, from: number): number {
  let i = from;
  while (i < text.length && isBlank(text[i])) i++;
  return i;
}
