// 32-bit FNV-1a: the pipeline's one small, stable, non-cryptographic string
// hash (lexicon filters and neighbourhoods, redaction's `hash` policy). Pure
// code, no crypto import in the pipeline.

/** FNV-1a of `s`, unsigned 32-bit, with the character at `skip` left out (-1: none; lets a deletion be hashed without building the string). */
export function fnv1a(s: string, skip = -1): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    if (i === skip) continue;
    h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  }
  return h >>> 0;
}
