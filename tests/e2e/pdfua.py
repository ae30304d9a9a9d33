"""A checker of PDF/UA-1's machine-checkable rules, after the Matterhorn Protocol 1.1
checkpoints that software can decide, reading the file with pikepdf (Debian's
python3-pikepdf). There is no PDF/UA validator in Debian or npm; this is not a complete
one either: it checks what planpack promises (docs/pdf-accessibility.md) and nothing that
needs human judgement (whether alt text is good, whether tags are semantically right).

    problems = check(path)       # {rule: [messages]}, empty when every rule passes

Each rule is a function of the open PDF returning a list of messages, so that a test can
show each rule catching a hand-made broken file (tests/e2e/test_pdfua_rules.py)."""
import re

import pikepdf
from pikepdf import Array, Dictionary, Name

# Operators that put marks on the page (ISO 32000-1, tables 51, 59, 60, 92 and BI).
PAINTING = {"Tj", "TJ", "'", '"', "Do", "f", "F", "f*", "S", "s", "B", "B*", "b", "b*", "sh", "BI", "INLINE IMAGE"}


def _name(o):
    return str(o) if isinstance(o, Name) else None


def _elements(pdf):
    """Every structure element, in tree order (depth first), with its parent."""
    root = pdf.Root.get("/StructTreeRoot")
    if root is None:
        return []
    out = []

    def visit(k, parent):
        if isinstance(k, Array):
            for x in k:
                visit(x, parent)
        elif isinstance(k, Dictionary) and "/S" in k and k.get("/Type") not in (Name.MCR, Name.OBJR):
            out.append((k, parent))
            visit(k.get("/K"), k)

    visit(root.get("/K"), root)
    return out


def _same(a, b):
    return a.is_indirect and b.is_indirect and a.objgen == b.objgen


def _parent_tree(pdf):
    """The ParentTree as {key: value}, flattening /Kids."""
    out = {}

    def visit(node):
        nums = node.get("/Nums")
        if nums is not None:
            for i in range(0, len(nums), 2):
                out[int(nums[i])] = nums[i + 1]
        for kid in node.get("/Kids", []):
            visit(kid)

    root = pdf.Root.get("/StructTreeRoot")
    if root is not None and "/ParentTree" in root:
        visit(root.ParentTree)
    return out


def _marked(page):
    """(painting operators outside any marked content, MCIDs used) of a page's content."""
    outside, mcids, depth = [], [], 0
    for operands, op in pikepdf.parse_content_stream(page):
        op = str(op)
        if op in ("BDC", "BMC"):
            depth += 1
            if op == "BDC" and isinstance(operands[1], Dictionary) and "/MCID" in operands[1]:
                mcids.append(int(operands[1].MCID))
        elif op == "EMC":
            depth -= 1
        elif op in PAINTING and depth <= 0:
            outside.append(op)
    return outside, mcids


def structure_tree(pdf):
    """Matterhorn checkpoint 01 (real content tagged), ISO 32000-1 14.7.2 and 14.8.2.2: a
    structure tree that holds content, and /MarkInfo /Marked true."""
    p = []
    root = pdf.Root.get("/StructTreeRoot")
    if root is None or root.get("/K") is None:
        p.append("the catalog has no /StructTreeRoot with /K")
    mark = pdf.Root.get("/MarkInfo")
    if mark is None or not bool(mark.get("/Marked", False)):
        p.append("/MarkInfo /Marked is not true")
    return p


def tagged_content(pdf):
    """Matterhorn checkpoint 01: everything painted is either tagged content or an artifact."""
    p = []
    for n, page in enumerate(pdf.pages, 1):
        outside, _ = _marked(page)
        if outside:
            p.append(f"page {n}: {len(outside)} painting operators outside marked content ({outside[0]} first)")
    return p


def parent_tree(pdf):
    """Matterhorn checkpoint 01 with ISO 32000-1 14.7.4.4: every MCID on a page has an entry in the
    ParentTree under the page's /StructParents, and that element claims the MCID."""
    p = []
    tree = _parent_tree(pdf)
    for n, page in enumerate(pdf.pages, 1):
        _, mcids = _marked(page)
        if not mcids:
            continue
        if "/StructParents" not in page.obj:
            p.append(f"page {n} has marked content but no /StructParents")
            continue
        arr = tree.get(int(page.obj.StructParents))
        if not isinstance(arr, Array):
            p.append(f"page {n}: no ParentTree array for /StructParents {int(page.obj.StructParents)}")
            continue
        if len(set(mcids)) != len(mcids):
            p.append(f"page {n}: an MCID is used twice")
        for m in mcids:
            if m >= len(arr) or not isinstance(arr[m], Dictionary):
                p.append(f"page {n}: MCID {m} has no element in the ParentTree")
                continue
            if not _claims(arr[m], page.obj, m):
                p.append(f"page {n}: the ParentTree's element for MCID {m} does not hold it")
    return p


def _claims(elem, page, mcid):
    kids = elem.get("/K")
    kids = kids if isinstance(kids, Array) else [kids]
    pg = elem.get("/Pg")
    for k in kids:
        if isinstance(k, int) and int(k) == mcid and pg is not None and _same(pg, page):
            return True
        if isinstance(k, Dictionary) and k.get("/Type") == Name.MCR and int(k.get("/MCID", -1)) == mcid:
            kp = k.get("/Pg", pg)
            if kp is not None and _same(kp, page):
                return True
    return False


def figure_alt(pdf):
    """Matterhorn checkpoint 13 (graphics): every Figure has alternative text."""
    return [f"Figure {i} has no /Alt" for i, (e, _) in enumerate(
        [x for x in _elements(pdf) if x[0].S == Name.Figure], 1) if not str(e.get("/Alt", "")).strip()]


def _attributes(e):
    a = e.get("/A")
    if a is None:
        return []
    return list(a) if isinstance(a, Array) else [a]


def th_scope(pdf):
    """Matterhorn checkpoint 15 (tables): every TH says which cells it heads (/Scope in a Table attribute)."""
    p = []
    for e, _ in _elements(pdf):
        if e.S != Name.TH:
            continue
        scopes = [a.get("/Scope") for a in _attributes(e) if isinstance(a, Dictionary) and a.get("/O") == Name.Table]
        if not any(s in (Name.Row, Name.Column, Name.Both) for s in scopes):
            p.append("a TH has no /Scope")
    return p


def heading_levels(pdf):
    """Matterhorn checkpoint 14 (headings): numbered headings, the first H1, none skipping a level."""
    p, previous = [], 0
    for e, _ in _elements(pdf):
        m = re.fullmatch(r"/H([1-6])", str(e.S))
        if str(e.S) == "/H":
            p.append("an unnumbered H is used")
        if not m:
            continue
        level = int(m[1])
        if previous == 0 and level != 1:
            p.append(f"the first heading is H{level}, not H1")
        elif level > previous + 1 and previous:
            p.append(f"H{level} follows H{previous}")
        previous = level
    return p


def lang(pdf):
    """Matterhorn checkpoint 11 (natural language): the document's language in /Lang."""
    return [] if str(pdf.Root.get("/Lang", "")).strip() else ["the catalog has no /Lang"]


def xmp(pdf):
    """Matterhorn checkpoint 06 (metadata): XMP metadata with pdfuaid:part 1 and dc:title."""
    if "/Metadata" not in pdf.Root:
        return ["the catalog has no /Metadata stream"]
    x = pdf.Root.Metadata.read_bytes().decode("utf-8", "replace")
    p = []
    if not re.search(r"<pdfuaid:part>\s*1\s*</pdfuaid:part>|pdfuaid:part=\"1\"", x):
        p.append("the XMP metadata has no pdfuaid:part 1")
    if "<dc:title>" not in x:
        p.append("the XMP metadata has no dc:title")
    return p


def display_doc_title(pdf):
    """Matterhorn checkpoint 07 (dictionary): the window shows the title, not the file name."""
    vp = pdf.Root.get("/ViewerPreferences")
    return [] if vp is not None and bool(vp.get("/DisplayDocTitle", False)) else [
        "/ViewerPreferences /DisplayDocTitle is not true"]


def fonts(pdf):
    """Matterhorn checkpoint 31 (fonts): every font embedded, with a ToUnicode map."""
    p, seen = [], set()
    for n, page in enumerate(pdf.pages, 1):
        res = page.obj.get("/Resources", Dictionary())
        for name, font in res.get("/Font", Dictionary()).items():
            key = font.objgen if font.is_indirect else (n, name)
            if key in seen:
                continue
            seen.add(key)
            base = str(font.get("/BaseFont", name))
            if "/ToUnicode" not in font:
                p.append(f"font {base} has no /ToUnicode")
            descendants = font.get("/DescendantFonts")
            desc = (descendants[0] if descendants else font).get("/FontDescriptor")
            if desc is None or not any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                p.append(f"font {base} is not embedded")
    return p


def annotations(pdf):
    """Matterhorn checkpoint 28 (annotations): every annotation is tagged
    (its /StructParent leads to an element holding an /OBJR to it), a link's element is a
    Link with /Contents on the annotation, and a page with annotations has /Tabs /S."""
    p = []
    tree = _parent_tree(pdf)
    for n, page in enumerate(pdf.pages, 1):
        annots = page.obj.get("/Annots")
        if not annots:
            continue
        if page.obj.get("/Tabs") != Name.S:
            p.append(f"page {n} has annotations but no /Tabs /S")
        for a in annots:
            if a.get("/Subtype") == Name.Popup:
                continue
            if a.get("/Subtype") == Name.Link and not str(a.get("/Contents", "")).strip():
                p.append(f"page {n}: a link annotation has no /Contents")
            if "/StructParent" not in a:
                p.append(f"page {n}: an annotation has no /StructParent")
                continue
            e = tree.get(int(a.StructParent))
            if not isinstance(e, Dictionary):
                p.append(f"page {n}: an annotation's /StructParent is not in the ParentTree")
                continue
            kids = e.get("/K")
            kids = kids if isinstance(kids, Array) else [kids]
            if not any(isinstance(k, Dictionary) and k.get("/Type") == Name.OBJR and _same(k.Obj, a) for k in kids):
                p.append(f"page {n}: the element of an annotation holds no /OBJR to it")
            if a.get("/Subtype") == Name.Link and e.get("/S") != Name.Link:
                p.append(f"page {n}: a link annotation belongs to a {e.get('/S')}, not a Link")
    return p


RULES = [structure_tree, tagged_content, parent_tree, figure_alt, th_scope, heading_levels, lang, xmp,
         display_doc_title, fonts, annotations]


def check_pdf(pdf):
    out = {}
    for rule in RULES:
        problems = rule(pdf)
        if problems:
            out[rule.__name__] = problems
    return out


def check(path):
    with pikepdf.open(path) as pdf:
        return check_pdf(pdf)
