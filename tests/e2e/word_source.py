"""Word files from known content for the import tests: a flat ODF text document (.fodt)
written here with Heading 1 paragraphs, a Title, a table with a Caption-style caption and
one without, a bulleted list, a footnote, a link, a picture with alt text, bold and italic
and typed "1.1" paragraph numbers, converted to .docx by LibreOffice (headless), so the
import reads what a real word processor writes."""
import base64
import os
import shutil
import subprocess
import zlib
import struct


def png(width, height, rgb):
    """A small solid PNG, written by hand so the test needs no imaging library."""
    raw = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def heading(text):
    return f'<text:h text:style-name="Heading_20_1" text:outline-level="1">{text}</text:h>\n'


def para(text):
    return f'<text:p text:style-name="Text_20_body">{text}</text:p>\n'


def table(name, rows):
    out = f'<table:table table:name="{name}"><table:table-column table:number-columns-repeated="{len(rows[0])}"/>'
    for r in rows:
        out += "<table:table-row>" + "".join(f"<table:table-cell><text:p>{c}</text:p></table:table-cell>"
                                             for c in r) + "</table:table-row>"
    return out + "</table:table>\n"


def report_body(extra_heading=None):
    logo = base64.b64encode(png(40, 20, (200, 30, 30))).decode()
    body = '<text:p text:style-name="Title">Youth Justice Service: imported update</text:p>\n'
    body += heading("1.0 Purpose of the report")
    body += para('1.1 To update the Committee on the <text:span text:style-name="B">youth justice</text:span> '
                 'service and its <text:span text:style-name="I">partners</text:span>.'
                 '<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation>'
                 '<text:note-body><text:p text:style-name="Footnote">Youth Justice Board figures for 2022.</text:p>'
                 '</text:note-body></text:note>')
    body += heading("2.0 Recommendations")
    body += para('2.1 That the Committee notes the report, which is on the <text:a xlink:type="simple" '
                 'xlink:href="https://www.blackpool.gov.uk/youth-justice">council\'s website</text:a>.')
    body += heading("3.0 Reasons for recommendations")
    body += para("3.1 To keep the Committee informed.")
    body += para("Is the recommendation contrary to a plan or strategy adopted or approved by the Council? No")
    # Word types a typographic apostrophe where the template has a straight one.
    body += para("Is the recommendation in accordance with the Council\u2019s approved budget? Yes")
    body += heading("Background information")
    body += para("6.1 The service works with these partners:")
    body += ('<text:list text:style-name="L1">'
             '<text:list-item><text:p text:style-name="P_list">the police, who second two officers;</text:p></text:list-item>'
             '<text:list-item><text:p text:style-name="P_list">probation, who second one officer.</text:p></text:list-item>'
             '</text:list>\n')
    body += '<text:p text:style-name="Table_20_Caption">Table 1: Children supported by the service, by year</text:p>\n'
    body += table("Table1", [["Year", "Children"], ["2021/22", "120"], ["2022/23", "135"], ["Total", "255"]])
    body += para("6.2 The service's logo is below.")
    body += para(f'<draw:frame draw:name="Logo" text:anchor-type="as-char" svg:width="2cm" svg:height="1cm">'
                 f'<draw:image><office:binary-data>{logo}</office:binary-data></draw:image>'
                 f"<svg:title>Logo</svg:title><svg:desc>A red rectangle, the service's logo</svg:desc></draw:frame>")
    body += table("Table2", [["Team", "Staff"], ["Court", "4"]])
    body += para("Does the information submitted include any exempt information? No")
    if extra_heading:
        body += heading(extra_heading)
        body += para("There are no financial implications.")
    return body


def fodt(body):
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:xlink="http://www.w3.org/1999/xlink"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
<office:styles>
 <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:default-outline-level="1"/>
 <style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph"/>
 <style:style style:name="Title" style:family="paragraph"/>
 <style:style style:name="Caption" style:family="paragraph"/>
 <style:style style:name="Table_20_Caption" style:display-name="Table Caption" style:family="paragraph" style:parent-style-name="Caption"/>
</office:styles>
<office:automatic-styles>
 <style:style style:name="B" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
 <style:style style:name="I" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>
 <style:style style:name="P_list" style:family="paragraph" style:list-style-name="L1"/>
 <text:list-style style:name="L1"><text:list-level-style-bullet text:level="1" text:bullet-char="&#x2022;"/></text:list-style>
</office:automatic-styles>
<office:body><office:text>
{body}</office:text></office:body>
</office:document>
"""


def to_docx(tmp, sources):
    """LibreOffice converts each {name: body} to tmp/name.docx, in one run; returns the paths."""
    paths = []
    for name, body in sources.items():
        path = os.path.join(tmp, name + ".fodt")
        with open(path, "w", encoding="utf-8") as f:
            f.write(fodt(body))
        paths.append(path)
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    profile = os.path.join(tmp, "lo-profile")
    subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                    "--convert-to", "docx", "--outdir", tmp] + paths, capture_output=True, text=True, timeout=300)
    return {name: os.path.join(tmp, name + ".docx") for name in sources}
