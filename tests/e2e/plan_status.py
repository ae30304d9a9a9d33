"""Action-plan statuses two ways, for tests that compare them: worked out here from the TOML
on the rules in docs/action-plans.md (not by asking planpack), and read back from what a
reader sees (a page's text or pdftotext's), so a document can be held to its own date."""
import re
from html.parser import HTMLParser

LABELS = {"not_started": "Not started", "planned": "Planned", "in_progress": "In progress",
          "ongoing": "Ongoing", "complete": "Complete", "deferred": "Deferred"}
_LABEL = "|".join(LABELS.values())
# The status cell of an action row ("In progress (Green)"), and a milestone's "(due ...; Complete)".
STATUS_CELL = re.compile(rf"\b({_LABEL}) \((?:Red|Amber|Green|Blue)\)")
MILESTONE_STATUS = re.compile(rf";\s*({_LABEL})\)")
# The summary table's last row: actions, then a count per status in LABELS order, per RAG, overdue.
SUMMARY_TOTAL = re.compile(r"All priorities((?: \d+){12})\b")
# The same table turned on its side where a portrait page is too narrow: a row per count,
# its last number the total.
SUMMARY_SIDEWAYS = re.compile(r"All priorities Actions((?: \d+)+)" +
                              "".join(rf" {label}((?: \d+)+)" for label in LABELS.values()))


def publication(plan):
    return plan["plan"].get("published", plan["plan"]["period_start"])


def milestone_status(m, day):
    s = m.get("status", "not_started")
    for e in m.get("status_history", []):
        if e["date"] <= day:
            s = e["status"]
    return s


def from_milestones(ss):
    n = len(ss)
    if n == 0:
        return "not_started"
    c = {k: ss.count(k) for k in LABELS}
    if c["complete"] == n:
        return "complete"
    if c["in_progress"]:
        return "in_progress"
    if c["ongoing"] and c["ongoing"] + c["complete"] == n:
        return "ongoing"
    if c["deferred"] and c["deferred"] + c["complete"] == n:
        return "deferred"
    if c["complete"] or c["ongoing"]:
        return "in_progress"
    return "planned" if c["planned"] else "not_started"


def status(plan, action, day):
    published = publication(plan)
    updates = [u for u in action.get("update", []) if u["date"] <= day and "status" in u]
    explicit = action.get("status")
    if explicit and day >= published and not any(u["date"] > published for u in updates):
        return explicit
    if updates:
        return max(updates, key=lambda u: u["date"])["status"]
    return from_milestones([milestone_status(m, day) for m in action.get("milestone", [])])


def long_date(d):
    return f"{d.day} {d.strftime('%B %Y')}"


def normalise(text):
    return " ".join(text.split())


def phrase(words):
    """A pattern for words as a page or pdftotext may break them: any run of spaces, and a
    hyphen and space where the PDF hyphenated a long word in a narrow column."""
    out = []
    for ch in " ".join(words):
        if ch == " ":
            out.append(r"\s+")
        elif ch == "-":
            out.append(r"-\s?")
        else:
            out.append(re.escape(ch) + r"(?:-\s)?")
    return "".join(out)


def action_start(action):
    """Where a row about this action starts: its id, then the first words of its text (as
    the action-plan and action-changes tables print it)."""
    return re.compile(r"(?<![\w.])" + phrase([action["id"]] + action["action"].split()[:5]))


def rows(text, plan):
    """Every row in text that shows an action of plan: (action, status shown, milestone
    statuses shown). The status is the first status cell after the row's start; milestones
    are the bullets before it, each ending "; Status)". A row runs to the next row's start."""
    text = normalise(text)
    starts = sorted((m.start(), i) for i, a in enumerate(plan["action"])
                    for m in action_start(a).finditer(text))
    out = []
    for k, (pos, i) in enumerate(starts):
        end = starts[k + 1][0] if k + 1 < len(starts) else len(text)
        seg = text[pos:end]
        cell = STATUS_CELL.search(seg)
        shown = cell.group(1) if cell else None
        bullets = seg[:cell.start() if cell else len(seg)].split("•")[1:]
        milestones = [(b, MILESTONE_STATUS.search(b)) for b in bullets]
        out.append((plan["action"][i], shown, [(b, m.group(1) if m else None) for b, m in milestones]))
    return out


def summaries(text):
    """The totals row of every action-summary table in text: {"actions": n, status key: n}."""
    out = []
    for m in SUMMARY_TOTAL.finditer(normalise(text)):
        n = [int(x) for x in m.group(1).split()]
        out.append(dict(actions=n[0], **dict(zip(LABELS, n[1:7]))))
    for m in SUMMARY_SIDEWAYS.finditer(normalise(text)):
        n = [int(g.split()[-1]) for g in m.groups()]
        out.append(dict(actions=n[0], **dict(zip(LABELS, n[1:7]))))
    return out


def listed(text, plan):
    """Actions of plan whose text is listed (as previous-progress lists completed actions)."""
    text = normalise(text)
    return {a["id"] for a in plan["action"] if re.search("• ?" + phrase(a["action"].split()[:10]), text)}


class _MainText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.inside, self.parts = False, []

    def handle_starttag(self, tag, attrs):
        self.inside = self.inside or tag == "main"
        if self.inside:
            self.parts.append(" • " if tag == "li" else " ")

    def handle_endtag(self, tag):
        self.parts.append(" ")
        self.inside = self.inside and tag != "main"

    def handle_data(self, data):
        if self.inside:
            self.parts.append(data)


def page_text(html):
    """What a reader reads in a page's <main>, cell by cell, a list item as "• item"."""
    p = _MainText()
    p.feed(html)
    return normalise("".join(p.parts))
