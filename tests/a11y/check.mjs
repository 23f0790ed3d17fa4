// axe-core over every HTML document Dateline writes for people to read: the
// html and print exports of every example in examples/ and the redline of the
// seed against each of its hand-made revisions (the pair `dateline diff`'s own
// tests use among them) and of the French example against an edited copy.
//
// The documents come from the real `dateline` command (DATELINE_BIN, or
// `cargo run -p dateline-cli`), are written to a temporary folder and opened
// from disk in Debian's headless Chromium (no browser is downloaded). Zero
// violations is the bar: every violation is printed (rule, target, help) and
// the run exits 1.
//
// axe has no rule for some of what a screen reader user meets in a release, so
// the same pass checks Dateline's own: links named by more than a symbol ("*"),
// every <nav> named, English interface words marked lang="en" in a French or
// Spanish document, and (in a redline, through Chromium's accessibility tree)
// every deletion and insertion announced and kept apart from its neighbours.
//
// A checker that cannot fail proves nothing, so every run first feeds it two
// broken pages (fixtures/broken*.html) and stops unless each fails with the
// violations it was made for.
//
//   node check.mjs               every export and redline
//   node check.mjs FILE.html …   only these files
//   node check.mjs --self-test   only the broken page: exit 0 when it is caught
//                                (`node check.mjs fixtures/broken*.html` exits 1)
//   --keep DIR                   write the documents to DIR and keep them

import { spawnSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import puppeteer from "puppeteer-core";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, "../..");
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/// The redlines checked: [old, new, name]. The first is the pair of `dateline diff`'s tests.
const SEED = "examples/un-expert-khakimova.json";
const DIFF_FIXTURES = "crates/diff/tests/fixtures";
const FRENCH_PAIR = ["examples/corporate-lumen-rapport.json", "tests/a11y/fixtures/corporate-edit.json", "redline-corporate-edit"];

/// Pages that must fail. The first breaks axe's rules (an image without alt
/// text, no language, no title, content outside landmarks); the second passes
/// axe but breaks each of Dateline's own rules below.
const BROKEN = [
  [join(HERE, "fixtures/broken.html"), ["image-alt", "html-has-lang", "document-title", "region"]],
  [join(HERE, "fixtures/broken-fr.html"), ["dateline-link-words", "dateline-nav-name", "dateline-ui-lang", "dateline-spoken-change"]],
];

function parseArgs(argv) {
  const opts = { files: [], selfTest: false, keep: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--self-test") opts.selfTest = true;
    else if (a === "--keep") opts.keep = resolve(argv[++i] ?? "");
    else if (a.startsWith("-")) throw new Error(`unknown option ${a}`);
    else opts.files.push(resolve(a));
  }
  return opts;
}

/// Runs the `dateline` command with `args` (from the repository root).
function dateline(args) {
  const bin = process.env.DATELINE_BIN;
  const [cmd, full] = bin ? [bin, args] : ["cargo", ["run", "--quiet", "-p", "dateline-cli", "--", ...args]];
  const r = spawnSync(cmd, full, { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "inherit", "pipe"] });
  if (r.status !== 0) {
    throw new Error(`dateline ${args.join(" ")} failed (${r.status ?? r.signal}): ${r.stderr ?? r.error}`);
  }
}

/// Writes every document to check into `dir`; returns their paths.
function writeDocuments(dir) {
  const files = [];
  const examples = readdirSync(join(ROOT, "examples")).filter((f) => f.endsWith(".json")).sort();
  for (const ex of examples) {
    const name = basename(ex, ".json");
    for (const format of ["html", "print"]) {
      const out = join(dir, `${name}-${format}.html`);
      dateline(["render", join("examples", ex), "--format", format, "--output", out]);
      files.push(out);
    }
  }
  const pairs = readdirSync(join(ROOT, DIFF_FIXTURES))
    .filter((f) => f.endsWith(".json"))
    .sort((a, b) => (a === "quote-edit.json" ? -1 : b === "quote-edit.json" ? 1 : a.localeCompare(b)))
    .map((f) => [SEED, join(DIFF_FIXTURES, f), `redline-seed-${basename(f, ".json")}`]);
  for (const [a, b, name] of [...pairs, FRENCH_PAIR]) {
    const out = join(dir, `${name}.html`);
    dateline(["diff", a, b, "--format", "html", "--output", out]);
    files.push(out);
  }
  return files;
}

/// Interface words that must be marked `lang="en"` (or translated) in a release in another language.
const ENGLISH_UI = /\b(?:Footnotes?|Back to reference|Links|Redline|Metadata|People|Boilerplate|Media contacts|moved (?:here|from))\b|\b(?:deleted|inserted):/;

/// Dateline's own rules, which axe does not have, run in the page: every link
/// says more than a symbol (a footnote link that is only "*"), every nav is
/// named, and English interface words in a non-English document carry lang="en".
function pageRules(englishUiSource) {
  const englishUi = new RegExp(englishUiSource);
  const found = [];
  const add = (id, help, el, what = "") => {
    let v = found.find((f) => f.id === id);
    if (!v) found.push((v = { id, impact: "serious", help, helpUrl: "tests/a11y/check.mjs", nodes: [] }));
    v.nodes.push({ target: [`${what}${el.outerHTML.slice(0, 120)}`] });
  };
  const name = (el) => (el.getAttribute("aria-label") ?? el.textContent ?? "").trim();
  for (const a of document.querySelectorAll("a[href]")) {
    if (!/[\p{L}\p{N}]/u.test(name(a))) add("dateline-link-words", "A link's name must have words, not only a symbol", a);
  }
  for (const nav of document.querySelectorAll("nav")) {
    if (!(nav.getAttribute("aria-label") ?? "").trim()) add("dateline-nav-name", "Every navigation landmark must be named", nav);
  }
  const docLang = (document.documentElement.lang || "").toLowerCase();
  if (!docLang.startsWith("en")) {
    const langOf = (el) => (el.closest("[lang]")?.getAttribute("lang") ?? "").toLowerCase();
    for (const el of document.body.querySelectorAll("*")) {
      const label = el.getAttribute("aria-label");
      const help = `English interface text in a "${docLang}" document must be marked lang="en" (or translated)`;
      if (label && englishUi.test(label) && !langOf(el).startsWith("en")) {
        add("dateline-ui-lang", help, el, `aria-label "${label}" on `);
      }
      for (const t of el.childNodes) {
        if (t.nodeType === 3 && englishUi.test(t.textContent) && !langOf(el).startsWith("en")) {
          add("dateline-ui-lang", help, el, `"${t.textContent.trim().slice(0, 40)}" in `);
        }
      }
    }
  }
  return found;
}

/// In a redline, what a screen reader gets from each deletion and insertion in
/// `<main>` (Chromium's accessibility tree): it must say which it is and end
/// apart from the next word, never "calls forurges".
async function spokenChanges(page) {
  const found = [];
  const tree = await page.accessibility.snapshot({ interestingOnly: false });
  const text = (n) => (n.role === "StaticText" ? n.name ?? "" : (n.children ?? []).map(text).join(""));
  const walk = (n, inMain) => {
    inMain ||= n.role === "main";
    if (inMain && (n.role === "deletion" || n.role === "insertion")) {
      const said = text(n);
      const word = n.role === "deletion" ? "deleted" : "inserted";
      if (!new RegExp(`^\\s+\\[${word}: [^]*\\]\\s+$`).test(said)) {
        found.push({ target: [`${n.role} "${said.slice(0, 60)}"`] });
      }
    }
    for (const c of n.children ?? []) walk(c, inMain);
  };
  walk(tree, false);
  return found.length === 0
    ? []
    : [{ id: "dateline-spoken-change", impact: "serious", help: "A deletion or insertion must be announced (\"[deleted: …]\") and kept apart from its neighbours", helpUrl: "tests/a11y/check.mjs", nodes: found }];
}

/// axe's violations and Dateline's own on the page at `file`, under `media` (screen or print).
async function audit(browser, file, media) {
  const page = await browser.newPage();
  try {
    // Every Dateline document forbids script by its CSP; axe is injected by the test.
    await page.setBypassCSP(true);
    await page.emulateMediaType(media);
    await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
    await page.addScriptTag({ content: AXE_SOURCE });
    const result = await page.evaluate(
      (tags) => window.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] }),
      TAGS,
    );
    if (!Array.isArray(result?.violations)) {
      throw new Error(`axe did not run on ${file}`);
    }
    const own = await page.evaluate(pageRules, ENGLISH_UI.source);
    const spoken = (await page.$("body.redline")) ? await spokenChanges(page) : [];
    return [...result.violations, ...own, ...spoken];
  } finally {
    await page.close();
  }
}

function report(label, violations) {
  if (violations.length === 0) {
    console.log(`ok    ${label}`);
    return 0;
  }
  let n = 0;
  console.log(`FAIL  ${label}`);
  for (const v of violations) {
    for (const node of v.nodes) {
      n++;
      console.log(`      ${v.id} (${v.impact}) at ${node.target.join(" ")}: ${v.help}`);
      console.log(`        ${v.helpUrl}`);
      if (node.failureSummary) console.log(`        ${node.failureSummary.replace(/\n/g, "\n        ")}`);
    }
  }
  return n;
}

/// Every broken page must fail with the violations it was made for.
async function canary(browser) {
  let ok = true;
  for (const [file, expected] of BROKEN) {
    const ids = new Set((await audit(browser, file, "screen")).map((v) => v.id));
    const missed = expected.filter((id) => !ids.has(id));
    console.log(`self-test: ${basename(file)} has ${[...ids].sort().join(", ") || "no violation"}`);
    if (missed.length > 0) {
      console.error(`self-test: ${basename(file)} should have failed ${missed.join(", ")}`);
      ok = false;
    }
  }
  return ok;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const dir = opts.keep ?? mkdtempSync(join(tmpdir(), "dateline-a11y-"));
  mkdirSync(dir, { recursive: true });
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  let failed = 0;
  try {
    if (!(await canary(browser))) {
      console.error("self-test FAILED: a broken page passed, so no result below could be trusted");
      return 2;
    }
    if (opts.selfTest) {
      console.log("self-test passed: the broken pages fail the check");
      return 0;
    }
    const files = opts.files.length > 0 ? opts.files : writeDocuments(dir);
    let checked = 0;
    for (const file of files) {
      // Print documents are checked as they look on screen and as they print.
      const medias = file.endsWith("-print.html") ? ["screen", "print"] : ["screen"];
      for (const media of medias) {
        const n = report(`${basename(file)} (${media})`, await audit(browser, file, media));
        checked++;
        if (n > 0) failed++;
      }
    }
    console.log(`axe-core ${JSON.parse(readFileSync(createRequire(import.meta.url).resolve("axe-core/package.json"), "utf8")).version}, tags ${TAGS.join(" ")}`);
    console.log(`${checked - failed} passed, ${failed} failed`);
  } finally {
    await browser.close();
    if (!opts.keep) rmSync(dir, { recursive: true, force: true });
  }
  return failed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e?.stack ?? e);
    process.exit(2);
  },
);
