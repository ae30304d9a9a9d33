"""A PDF's text read back with Poppler's pdftotext, one run per document and mode.

pdftotext ends every page with a form feed, so one run gives every page; a run per page
parses the whole file again each time, which cost the suite about a minute of CPU. A run's
output is kept while the file is unchanged (same size and mtime), so a test may ask for
page after page freely."""
import os
import re
import subprocess

_runs = {}


def _pdftotext(pdf, options):
    st = os.stat(pdf)
    key = (os.path.abspath(pdf), st.st_size, st.st_mtime_ns, options)
    if key not in _runs:
        _runs[key] = subprocess.run(["pdftotext", *options, pdf, "-"], capture_output=True, text=True,
                                    check=True).stdout
    return _runs[key]


def page_texts(pdf, *options):
    """The text of each page of pdf, in order; options are pdftotext's ("-layout", "-raw")."""
    return _pdftotext(pdf, options).split("\f")[:-1]


def page_text(pdf, page, *options):
    """The text of one page, numbered from 1."""
    return page_texts(pdf, *options)[page - 1]


_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')


def page_words(pdf, page):
    """One page's words as (word, xMin, yMin, xMax, yMax) in points, from pdftotext -bbox."""
    html = _pdftotext(pdf, ("-bbox",)).split("<page ")[page]
    return [(m[5], float(m[1]), float(m[2]), float(m[3]), float(m[4])) for m in _WORD.finditer(html)]
