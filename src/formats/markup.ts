// Markup that caption files carry inside cue text: HTML-ish tags (<i>, <b>,
// <font color=…>, VTT <c.x>, <v Speaker>, <00:01.000> karaoke timestamps)
// and ASS/SSA override blocks ({\an8}). The pipeline works on words, so it
// must see the text without them.

const MARKUP = /<\/?[A-Za-z][^<>]*>|<\d[\d:.,]*>|\{\\[^{}]*\}/g;

/** The distinct markup tokens in a line, in order of appearance. */
export function findMarkup(text: string): string[] {
  return [...new Set(text.match(MARKUP) ?? [])];
}

export function stripMarkup(text: string): string {
  return text.replace(MARKUP, "").replace(/[ \t]{2,}/g, " ").trim();
}
