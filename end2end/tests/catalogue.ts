import * as fs from "fs";
import * as path from "path";

/** One language's catalogue (app/locales/<code>.ftl): its one-line messages, key → text,
 * with Fluent's quoted spaces undone and `{ $name }` placeholders kept. */
export function catalogue(lang: string): Map<string, string> {
  const src = fs.readFileSync(path.join(__dirname, "../../app/locales", `${lang}.ftl`), "utf8");
  const m = new Map<string, string>();
  for (const line of src.split("\n")) {
    const hit = /^([a-z][a-z0-9-]*) = (.*)$/.exec(line);
    if (hit && !hit[2].includes("->")) m.set(hit[1], hit[2].replace(/\{" "\}/g, " ").replace(/\{"\{"\}/g, "{"));
  }
  return m;
}

/** `key` in `cat`, with `args` put in: what the page shows. */
export function words(cat: Map<string, string>, key: string, args: Record<string, string | number> = {}): string {
  const v = cat.get(key);
  if (v === undefined) throw new Error(`the catalogue has no one-line message ${key}`);
  return v.replace(/\{ \$([a-z_]+) \}/g, (_, n) => String(args[n] ?? `{${n}}`));
}

/** The English phrases a page in `lang` must not show: each fixed piece of an English
 * message (between its placeholders) of two words or more, or one word of five letters or
 * more, that the other language does not write the same way. */
export function englishPhrases(lang: string): string[] {
  const en = catalogue("en");
  const other = catalogue(lang);
  const phrases = new Set<string>();
  for (const [key, text] of en) {
    const theirs = other.get(key);
    // The switcher lists every language in its own name ("English" on every page).
    if (theirs === undefined || key === "language-name") continue;
    for (const piece of text.split(/\{[^}]*\}/)) {
      const p = piece.trim().replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "");
      if ((p.includes(" ") || p.length >= 5) && /\p{L}{3}/u.test(p) && !theirs.includes(p)) phrases.add(p);
    }
  }
  return [...phrases];
}

/** Which of `phrases` appear in `text` as whole words. */
export function found(text: string, phrases: string[]): string[] {
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return phrases.filter((p) => new RegExp(`(^|[^\\p{L}])${esc(p)}($|[^\\p{L}])`, "u").test(text));
}
