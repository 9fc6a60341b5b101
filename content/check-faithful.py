#!/usr/bin/env python3
"""Faithfulness checker for the Integrating Cities content files.

Checks that
  * every JSON file under content/ parses;
  * cities.json is well formed (unique slugs, ISO country codes, coordinates);
  * every citySlug / themeSlug referenced elsewhere exists;
  * every text that must be quoted from the seed documents (benchmark
    statements, explanations, guide questions, example texts, context
    factors, charter commitments, signatory quotes, ...) occurs verbatim
    in the seed text (after collapsing whitespace and removing the PDF
    extraction artefacts listed in clean_line());
  * every line of the benchmark part of the toolkit seed is represented in
    the benchmark JSON (reverse coverage), apart from structural labels;
  * practices.json is well formed (shape, unique kebab-case slugs, known
    cities / themes / charter commitments / key factors), every source quote
    occurs verbatim in the seed it names (whitespace, typographic quotes and
    dashes normalised), every printed link occurs in a named seed, and every
    city example of the toolkit is covered by a practice (key factor + city).

Usage:  python3 content/check-faithful.py [SEEDS_DIR]
        (SEEDS_DIR defaults to $SEEDS_DIR or /work/shared/seeds)
Exits 1 on any failure.
"""
import glob
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
# The seeds live in ../shared/seeds beside the repository (as on CI), unless told otherwise.
SEEDS = (sys.argv[1] if len(sys.argv) > 1 else os.environ.get(
    "SEEDS_DIR", os.path.join(HERE, "..", "..", "shared", "seeds")))
if not os.path.isdir(SEEDS):
    print(f"check-faithful: seeds folder {SEEDS} not found; nothing to compare against (skipped).")
    sys.exit(0)
TOOLKIT_SEED = "003_a7b51db2756bb203.txt"
CHARTER_SEED = "000_ee4af4e5405b18cf.txt"

errors = []


def fail(msg):
    errors.append(msg)


def clean_line(s):
    """Remove PDF/markdown extraction artefacts from one seed line."""
    s = re.sub(r"\[([^\]]*)\]\(#\)", r"\1", s)  # [text](#) -> text
    s = s.replace("**", "")                     # bold markers
    s = s.replace("-----", "")                  # separator dashes
    s = re.sub(r"^\s*-\s+", "", s)              # list bullets
    s = re.sub(r"^[●•\s]+", "", s)              # stray bullet glyphs
    return s


def ws(s):
    return re.sub(r"\s+", " ", s).strip()


def load_seed(name):
    path = os.path.join(SEEDS, name)
    with open(path, encoding="utf-8") as f:
        raw = f.read()
    lines = [clean_line(l) for l in raw.split("\n")]
    return raw, lines, ws(" ".join(lines))


def load_json(rel):
    path = os.path.join(HERE, rel)
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except Exception as e:  # noqa: BLE001
        fail(f"{rel}: does not parse: {e}")
        return None


# ------------------------------------------------------------------ parse all
for path in sorted(glob.glob(os.path.join(HERE, "**", "*.json"), recursive=True)):
    load_json(os.path.relpath(path, HERE))

seeds = {}
for path in sorted(glob.glob(os.path.join(SEEDS, "*.txt"))):
    seeds[os.path.basename(path)] = load_seed(os.path.basename(path))
if TOOLKIT_SEED not in seeds or CHARTER_SEED not in seeds:
    print(f"seed files not found in {SEEDS}")
    sys.exit(2)
SEED_TEXT = {k: v[2] for k, v in seeds.items()}


def verbatim(label, text, seed=TOOLKIT_SEED, ci=False):
    if not isinstance(text, str) or not text.strip():
        fail(f"{label}: empty or not a string")
        return
    needle, hay = ws(text), SEED_TEXT[seed]
    if ci:
        needle, hay = needle.lower(), hay.lower()
    if needle not in hay:
        fail(f"{label}: not found verbatim in {seed}: {ws(text)[:120]!r}")


def seed_of(source):
    for name in SEED_TEXT:
        if isinstance(source, str) and source.startswith(name):
            return name
    return None


network = load_json("network.json")
cities = load_json("cities.json")
themes = load_json("themes.json")
charter = load_json("charter.json")
signatories = load_json("signatories.json")
bench = load_json("benchmarks/enhancing-public-perception.json")
practices = load_json("practices.json")
if None in (network, cities, themes, charter, signatories, bench, practices):
    print("\n".join(errors))
    sys.exit(1)

# ------------------------------------------------------------------ cities
CITY_KEYS = ["slug", "name", "country", "population", "populationYear", "migrantBackgroundShare",
             "foreignNationalsShare", "latitude", "longitude", "source"]
slugs = set()
for c in cities:
    for k in CITY_KEYS:
        if k not in c:
            fail(f"cities.json {c.get('slug')}: missing key {k}")
    s = c.get("slug", "")
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", s):
        fail(f"cities.json: bad slug {s!r}")
    if s in slugs:
        fail(f"cities.json: duplicate slug {s}")
    slugs.add(s)
    if not re.fullmatch(r"[A-Z]{2}", c.get("country") or ""):
        fail(f"cities.json {s}: bad country")
    lat, lon = c.get("latitude"), c.get("longitude")
    if not (isinstance(lat, (int, float)) and -90 <= lat <= 90 and isinstance(lon, (int, float)) and -180 <= lon <= 180):
        fail(f"cities.json {s}: bad coordinates")
    if not seed_of(c.get("source")) and not any(n in (c.get("source") or "") for n in SEED_TEXT):
        fail(f"cities.json {s}: source names no seed file")
    # the city must actually be named in a seed (case-insensitive, ascii-folded)
    fold = lambda t: t.lower().replace("ü", "u").replace("ö", "o")
    if not any(fold(c["name"]) in fold(t) for t in SEED_TEXT.values()):
        fail(f"cities.json {s}: name {c['name']!r} not found in any seed")


def city_ref(label, slug):
    if slug not in slugs:
        fail(f"{label}: citySlug {slug!r} not in cities.json")


for required in ("lublin", "tampere"):
    city_ref("required city", required)

# ------------------------------------------------------------------ themes
theme_slugs = {t["slug"] for t in themes}
if len(themes) != 7:
    fail(f"themes.json: expected 7 themes, got {len(themes)}")
if [t["slug"] for t in themes if t.get("hasContent")] != [bench["themeSlug"]]:
    fail("themes.json: hasContent must be true only for the benchmark theme")
for t in themes:
    verbatim(f"themes.json {t['slug']} title", t["title"])

# ------------------------------------------------------------------ network
for ch in network.get("workingGroup", {}).get("chairs", []):
    city_ref("network.json chair", ch["citySlug"])
    verbatim("network.json chair quote", ch["quote"], seed_of(ch["source"]))
verbatim("network.json description", network["description"], CHARTER_SEED)
verbatim("network.json workingGroup description", network["workingGroup"]["description"], CHARTER_SEED)
for a in network["workingGroup"]["activities"]:
    verbatim("network.json activity", a, CHARTER_SEED)

# ------------------------------------------------------------------ charter
verbatim("charter title", charter["title"], CHARTER_SEED)
verbatim("charter subtitle", charter["subtitle"], CHARTER_SEED)
counts = []
for r in charter["roles"]:
    verbatim(f"charter {r['slug']} lead", r["lead"], CHARTER_SEED)
    counts.append(len(r["commitments"]))
    for c in r["commitments"]:
        verbatim(f"charter {r['slug']}/{c['slug']}", c["text"], CHARTER_SEED)
if counts != [3, 2, 3, 3] or [r["slug"] for r in charter["roles"]] != ["policy-makers", "service-providers", "employers", "buyers"]:
    fail(f"charter: unexpected roles/commitments {counts}")
if charter.get("intro"):
    verbatim("charter intro", charter["intro"], charter.get("introSource"))
if charter.get("preambleExcerpt"):
    verbatim("charter preambleExcerpt", charter["preambleExcerpt"], TOOLKIT_SEED)

# ------------------------------------------------------------------ signatories
for cs in signatories["countStatements"]:
    verbatim(f"countStatement {cs['count']}", cs["quote"], seed_of(cs["source"]))
for s in signatories["signatories"]:
    city_ref("signatories.json", s["citySlug"])
    verbatim(f"signatory {s['citySlug']} quote", s["quote"], seed_of(s["source"]))
    if s.get("eventQuote"):
        verbatim(f"signatory {s['citySlug']} eventQuote", s["eventQuote"], seed_of(s["source"]))
    if s["signedOn"] is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", s["signedOn"]):
        fail(f"signatory {s['citySlug']}: bad signedOn")

# ------------------------------------------------------------------ benchmark
if bench["themeSlug"] not in theme_slugs:
    fail("benchmark themeSlug not in themes.json")
corpus = []  # every string of the benchmark, for reverse coverage


def V(label, text, ci=False):
    verbatim(label, text, TOOLKIT_SEED, ci)
    corpus.append(text)


for k in ("title", "seriesTitle", "attribution", "authors", "thematicLead", "availableFrom",
          "standard", "rationale", "contextFactorsIntro"):
    V(k, bench[k])
for para in bench["about"].split("\n\n"):  # "about" gathers non-adjacent paragraphs: check each one
    V("about paragraph", para)
for h in bench["aboutHeadings"]:
    V("aboutHeadings", h)
V("acknowledgements", bench["acknowledgements"]["text"])
for p in bench["acknowledgements"]["cityPartners"]:
    city_ref("acknowledgements", p["citySlug"])
    V("acknowledgement partner", f"{p['heading']}: {p['people']}")
for ts in bench["toolkitSeries"]:
    V("toolkitSeries intro", ts["intro"])
    for it in ts["items"]:
        V("toolkitSeries item", it)
    for sl in ts["themeSlugs"]:
        if sl not in theme_slugs:
            fail(f"toolkitSeries: theme {sl} unknown")
V("foreword", bench["foreword"]["text"])
V("foreword signature", bench["foreword"]["signature"])
for n in bench["notesOnTerms"]:
    V(f"note on term {n['term']}", f"{n['term']} = {n['text']}")
ai = bench["aboutImplementoring"]
for t in (ai["title"], ai["text"], ai["euContext"]["title"], ai["euContext"]["text"]):
    V("aboutImplementoring", t)
for grp in bench["contacts"].values():
    for t in grp:
        V("contacts", t)

n_q = n_ex = 0
for i, kf in enumerate(bench["keyFactors"], 1):
    lab = f"key factor {kf['number']} ({kf['slug']})"
    if kf["number"] != i:
        fail(f"{lab}: numbering out of order")
    V(f"{lab} title", kf["title"], ci=True)
    V(f"{lab} titleAsPrinted", kf["titleAsPrinted"])
    if kf["title"].lower() != kf["titleAsPrinted"].lower():
        fail(f"{lab}: title and titleAsPrinted differ in words")
    V(f"{lab} statement", kf["statement"])
    V(f"{lab} explanation", kf["explanation"])
    if not kf["guideQuestions"]:
        fail(f"{lab}: no guide questions")
    for q in kf["guideQuestions"]:
        V(f"{lab} guide question", q)
        n_q += 1
    if not kf["examples"]:
        fail(f"{lab}: no examples")
    for e in kf["examples"]:
        city_ref(f"{lab} example", e["citySlug"])
        V(f"{lab} example {e['citySlug']} text", e["text"])
        V(f"{lab} example {e['citySlug']} title", e["title"], ci=True)
        if not e.get("titleIsSeedHeading") and ws(e["title"]).lower() not in ws(e["text"]).lower():
            fail(f"{lab} example {e['citySlug']}: title not taken from the example's own words")
        n_ex += 1
for cf in bench["contextFactors"]:
    V(f"context factor {cf['slug']}", f"{cf['title']} {cf['mayInvolveText']}")
    for m in cf["mayInvolve"]:
        V(f"context factor {cf['slug']} mayInvolve", m)
    if "; ".join(cf["mayInvolve"]) != cf["mayInvolveText"]:
        fail(f"context factor {cf['slug']}: mayInvolve does not rebuild mayInvolveText")

# reverse coverage: every line of the toolkit seed must be represented
LABELS = {"ACKNOWLEDGEMENTS", "Foreword", "Integrating Cities standard", "Note on terms used in the benchmark",
          "GUIDE QUESTIONS", "EXAMPLES", "CONTEXT FACTORS", "CONTEXT FACTOR",
          "EXAMPLES OF WHAT THIS FACTOR MAY INVOLVE"}
city_headings = {c["name"].upper() for c in cities}
corpus_ws = ws(" ".join(corpus)).lower()
uncovered = []
for line in seeds[TOOLKIT_SEED][1]:
    t = ws(line)
    if not t or t in LABELS or t in city_headings:
        continue
    t = re.sub(r"^Rationale: ", "", t)
    if t.lower() not in corpus_ws:
        uncovered.append(t)
for t in uncovered:
    fail(f"seed line not represented in benchmark JSON: {t[:120]!r}")

# ------------------------------------------------------------------ practices
PRACTICE_KEYS = ["slug", "title", "cities", "summary", "description", "period", "themes", "keyFactors",
                 "commitments", "audience", "results", "resources", "funding", "partners", "contact",
                 "links", "language", "sources"]
NULLABLE_TEXT = ["audience", "results", "resources", "funding", "partners", "contact"]
TYPO = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})


def norm(s):
    """ws() plus typographic quotes and dashes folded to ASCII (both sides of a comparison)."""
    return ws(s.translate(TYPO))


SEED_NORM = {k: norm(v) for k, v in SEED_TEXT.items()}
commitment_slugs = {c["slug"] for r in charter["roles"] for c in r["commitments"]}
kf_slugs = {(bench["slug"], kf["slug"]) for kf in bench["keyFactors"]}
covered = set()  # (key factor slug, city slug) of the practices
p_slugs = set()
per_doc = {}
if not isinstance(practices, dict) or list(practices) != ["practices"] or not isinstance(practices["practices"], list):
    fail("practices.json: must be an object with the single key 'practices' (a list)")
    practices = {"practices": []}
for p in practices["practices"]:
    s = p.get("slug")
    lab = f"practices.json {s}"
    if list(p) != PRACTICE_KEYS:
        fail(f"{lab}: keys must be exactly {PRACTICE_KEYS} in that order, got {list(p)}")
        continue
    if not isinstance(s, str) or not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", s):
        fail(f"practices.json: bad slug {s!r}")
    if s in p_slugs:
        fail(f"practices.json: duplicate slug {s}")
    p_slugs.add(s)
    for k in ("title", "summary", "description"):
        if not isinstance(p[k], str) or not p[k].strip():
            fail(f"{lab}: {k} empty or not a string")
    for k in NULLABLE_TEXT:
        if p[k] is not None and (not isinstance(p[k], str) or not p[k].strip()):
            fail(f"{lab}: {k} must be null or a non-empty string")
    if p["language"] != "en":
        fail(f"{lab}: language must be 'en'")
    if not isinstance(p["cities"], list) or not p["cities"]:
        fail(f"{lab}: cities must be a non-empty list")
    else:
        for c in p["cities"]:
            city_ref(f"{lab} cities", c)
    per_ = p["period"]
    if not isinstance(per_, dict) or sorted(per_) != ["from", "to"]:
        fail(f"{lab}: period must be {{from, to}}")
    else:
        for k in ("from", "to"):
            if per_[k] is not None and not (isinstance(per_[k], int) and 1900 <= per_[k] <= 2100):
                fail(f"{lab}: period.{k} must be a year or null")
        if isinstance(per_["from"], int) and isinstance(per_["to"], int) and per_["from"] > per_["to"]:
            fail(f"{lab}: period runs backwards")
    for t in p["themes"]:
        if t not in theme_slugs:
            fail(f"{lab}: theme {t!r} not in themes.json")
    for c in p["commitments"]:
        if c not in commitment_slugs:
            fail(f"{lab}: commitment {c!r} not in charter.json")
    for kf in p["keyFactors"]:
        if not isinstance(kf, dict) or sorted(kf) != ["benchmark", "slug"]:
            fail(f"{lab}: keyFactors entries must be {{benchmark, slug}}")
        elif (kf["benchmark"], kf["slug"]) not in kf_slugs:
            fail(f"{lab}: key factor {kf['benchmark']}/{kf['slug']} unknown")
        else:
            for c in p["cities"]:
                covered.add((kf["slug"], c))
    if not isinstance(p["sources"], list) or not p["sources"]:
        fail(f"{lab}: at least one source is required")
        continue
    docs = set()
    for src in p["sources"]:
        d = src.get("document") if isinstance(src, dict) else None
        if d not in SEED_NORM or sorted(src) != ["document", "quote"]:
            fail(f"{lab}: source {src!r} must be {{document, quote}} naming a seed file")
            continue
        docs.add(d)
        q = src["quote"]
        if not isinstance(q, str) or not q.strip():
            fail(f"{lab}: empty quote from {d}")
        elif norm(q) not in SEED_NORM[d]:
            fail(f"{lab}: quote not found verbatim in {d}: {ws(q)[:120]!r}")
    for d in docs:
        per_doc[d] = per_doc.get(d, 0) + 1
    for link in p["links"]:
        bare = re.sub(r"^https?://", "", link) if isinstance(link, str) else ""
        if not bare or not any(bare in SEED_NORM[d] for d in docs):
            fail(f"{lab}: link {link!r} is not printed in the seeds it cites")
# every toolkit city example must be a practice (by key factor + city)
toolkit_examples = [(kf["slug"], e["citySlug"]) for kf in bench["keyFactors"] for e in kf["examples"]]
for kf_slug, city in toolkit_examples:
    if (kf_slug, city) not in covered:
        fail(f"practices.json: toolkit example {kf_slug}/{city} has no practice")

# ------------------------------------------------------------------ report
print(f"cities: {len(cities)}  themes: {len(themes)}  charter commitments: {sum(counts)}  "
      f"signatories: {len(signatories['signatories'])}")
print(f"key factors: {len(bench['keyFactors'])}  guide questions: {n_q}  examples: {n_ex}  "
      f"context factors: {len(bench['contextFactors'])}")
print(f"practices: {len(practices['practices'])}  toolkit examples covered: "
      f"{sum(1 for x in toolkit_examples if x in covered)}/{len(toolkit_examples)}  sources per seed: "
      + ", ".join(f"{d[:3]} {n}" for d, n in sorted(per_doc.items())))
if errors:
    print(f"\nFAILED ({len(errors)} problems):")
    for e in errors:
        print("  - " + e)
    sys.exit(1)
print("OK: all files parse, all references resolve, all checked texts are verbatim.")
