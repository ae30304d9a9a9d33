"""One paper out of a Word agenda pack: the body from the Heading 1 paragraph with the
given text (its last such paragraph) to the next Heading 1, written as a Word file of its
own with the pack's other parts (styles, numbering, footnotes, pictures) as they were."""
import zipfile

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def heading1(el):
    style = el.find(f"{W}pPr/{W}pStyle")
    return el.tag == f"{W}p" and style is not None and style.get(f"{W}val") == "Heading1"


def text_of(el):
    return "".join(t.text or "" for t in el.iter(f"{W}t"))


def cut(pack, title, out):
    with zipfile.ZipFile(pack) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    doc = etree.fromstring(parts["word/document.xml"])
    body = doc.find(f"{W}body")
    children = list(body)
    starts = [i for i, el in enumerate(children) if heading1(el) and text_of(el).strip() == title]
    if not starts:
        return False
    start = starts[-1]
    end = next((i for i in range(start + 1, len(children)) if heading1(children[i])), len(children) - 1)
    for i, el in enumerate(children):
        if (i < start or i >= end) and el.tag != f"{W}sectPr":
            body.remove(el)
    parts["word/document.xml"] = etree.tostring(doc, xml_declaration=True, encoding="UTF-8", standalone=True)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return True
