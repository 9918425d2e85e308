"""Word documents ready for the budget book: the layout of the paragraph's DOCX, whatever its
content (partnerships/paragraph_formats.py says what goes in; this module how it looks).

- A4 with margins of 2 cm (2,5 cm top and bottom), or the page of the municipality's own
  Word template (house style, a .dotx or .docx), whose styles and headers are then used;
- Dutch (nl-NL) as the language of the text, in the document defaults, in every style the
  document uses and in the theme, so Word checks Dutch spelling, not English;
- document properties naming the registry and the organisation;
- tables as wide as the text column, each with a real header row that Word repeats on the
  next page (w:tblHeader) and data rows that are not styled as a header.

Style ids are looked up once: python-docx resolves a style name on every add by scanning all
styles of the template, which made the largest paragraph four times slower
(bench/paragraph.py).
"""

import datetime
import io
import re
import zipfile
from collections.abc import Sequence
from xml.sax.saxutils import escape

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, Pt

LANGUAGE = "nl-NL"
REGISTRY = "Register verbonden partijen"
CONTENT_TYPES = "[Content_Types].xml"
TEMPLATE_MAIN = b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
DOCUMENT_MAIN = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
HEADINGS = {1: 16, 2: 13, 3: 11}  # points, for a template that lacks a heading style
TABLE_STYLES = ("Light List Accent 1", "Table Grid")  # the first the document has


class TemplateUnreadable(ValueError):
    """The uploaded Word template cannot be opened; the message says so in Dutch."""


def as_document(data: bytes) -> bytes:
    """A Word template (.dotx) as a document (.docx), so python-docx opens it: only the
    content type of its main part differs."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == CONTENT_TYPES:
                content = content.replace(TEMPLATE_MAIN, DOCUMENT_MAIN)
            target.writestr(item, content)
    return buffer.getvalue()


def open_template(data: bytes):
    """The house style's document with its body emptied (its page set-up, headers, footers
    and styles stay); TemplateUnreadable when it is not a Word document."""
    try:
        document = Document(io.BytesIO(as_document(data)))
    except Exception as error:  # python-docx raises several kinds on a broken package
        raise TemplateUnreadable(
            "Dit bestand is geen Word-document of -sjabloon dat het register kan lezen. "
            "Sla het in Word op als .dotx of .docx en probeer het opnieuw."
        ) from error
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):  # the last section's page set-up stays
            body.remove(child)
    return document


def _a4(document) -> None:
    for section in document.sections:
        section.page_width, section.page_height = Cm(21), Cm(29.7)
        section.left_margin = section.right_margin = Cm(2)
        section.top_margin = section.bottom_margin = Cm(2.5)


AFTER_LANG = ("w:eastAsianLayout", "w:specVanish", "w:oMath", "w:rPrChange")


def _set_lang(r_pr) -> None:
    lang = r_pr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        later = next((c for c in r_pr if c.tag in {qn(t) for t in AFTER_LANG}), None)
        if later is None:
            r_pr.append(lang)
        else:
            later.addprevious(lang)
    lang.set(qn("w:val"), LANGUAGE)
    lang.set(qn("w:eastAsia"), LANGUAGE)


def set_language(document, styles: Sequence) -> None:
    """nl-NL in the document defaults, in `styles` (the ones the document uses) and as the
    theme's language."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        document.styles.element.insert(0, defaults)
    r_pr_default = defaults.find(qn("w:rPrDefault"))
    if r_pr_default is None:
        r_pr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, r_pr_default)
    r_pr = r_pr_default.find(qn("w:rPr"))
    if r_pr is None:
        r_pr = OxmlElement("w:rPr")
        r_pr_default.append(r_pr)
    _set_lang(r_pr)
    for style in styles:
        _set_lang(style.element.get_or_add_rPr())
    theme = document.settings.element.find(qn("w:themeFontLang"))
    if theme is not None:  # where a template has none, Word takes the styles' language
        theme.set(qn("w:val"), LANGUAGE)


def set_properties(document, *, title: str, subject: str, organisation: str) -> None:
    """What Word shows under File › Info: the registry and the organisation, not the
    library that wrote the file."""
    now = datetime.datetime.now(datetime.UTC).replace(microsecond=0, tzinfo=None)
    properties = document.core_properties
    properties.title = title
    properties.subject = subject
    properties.author = f"{organisation} ({REGISTRY})"
    properties.last_modified_by = REGISTRY
    properties.comments = f"Gemaakt met het {REGISTRY} voor {organisation}."
    properties.keywords = "verbonden partijen; BBV; paragraaf"
    properties.category = "Paragraaf verbonden partijen"
    properties.language = LANGUAGE
    properties.created = properties.modified = now
    properties.revision = 1
    _rewrite_plain_parts(document, organisation)


def _rewrite_plain_parts(document, organisation: str) -> None:
    """The parts python-docx reads only as bytes: the application properties name the
    registry and the organisation, and Word 2010's copy of the styles is Dutch too."""
    company = b"<Company>" + escape(organisation).encode() + b"</Company>"
    application = b"<Application>" + REGISTRY.encode() + b"</Application>"
    dutch = f'<w:lang w:val="{LANGUAGE}" w:eastAsia="{LANGUAGE}" w:bidi="ar-SA"/>'.encode()
    for part in document.part.package.iter_parts():
        name = str(part.partname)
        if name == "/docProps/app.xml":
            blob = re.sub(rb"<Company/>|<Company>.*?</Company>", lambda _m: company, part.blob)
            part._blob = re.sub(rb"<Application>.*?</Application>", lambda _m: application, blob)
        elif name == "/word/stylesWithEffects.xml":
            part._blob = re.sub(rb"<w:lang\b[^>]*/>", lambda _m: dutch, part.blob)


def _style(document, name: str):
    try:
        return document.styles[name]
    except KeyError:
        return None


def _heading_style(document, level: int):
    """The template's "heading N", or a plain one made for it (bold, a size per level, an
    outline level so Word's navigation pane and table of contents find it)."""
    style = _style(document, f"Heading {level}")
    if style is None:
        style = document.styles.add_style(f"Heading {level}", WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = document.styles["Normal"]
        style.font.bold = True
        style.font.size = Pt(HEADINGS[level])
        style.paragraph_format.keep_with_next = True
        style.paragraph_format.space_before = Pt(12 if level == 1 else 9)
        outline = OxmlElement("w:outlineLvl")
        outline.set(qn("w:val"), str(level - 1))
        style.element.get_or_add_pPr().append(outline)
    return style


class DocxWriter:
    """Adds headings, text, bullets and tables to an A4 document or the house template."""

    def __init__(self, template: bytes | None = None):
        if template is None:
            self.document = Document()
            _a4(self.document)
        else:
            self.document = open_template(template)
        headings = {level: _heading_style(self.document, level) for level in HEADINGS}
        bullet = _style(self.document, "List Bullet")
        table = next(
            (style for name in TABLE_STYLES if (style := _style(self.document, name))),
            None,
        )
        normal = self.document.styles["Normal"]
        set_language(self.document, [normal, *headings.values(), *filter(None, [bullet, table])])
        self._ids = {f"Heading {level}": style.style_id for level, style in headings.items()}
        self._bullet = bullet.style_id if bullet else None
        self._table = table.style_id if table else None
        section = self.document.sections[-1]
        self.text_width = section.page_width - section.left_margin - section.right_margin

    def _paragraph(self, text: str, style_id: str | None = None):
        paragraph = self.document.add_paragraph(text)
        if style_id:  # the id set on the XML directly, see the module docstring
            paragraph._p.get_or_add_pPr().style = style_id
        return paragraph

    def heading(self, text: str, level: int) -> None:
        self._paragraph(text, self._ids[f"Heading {level}"])

    def text(self, text: str) -> None:
        self._paragraph(text)

    def bullet(self, text: str) -> None:
        self._paragraph(text if self._bullet else f"• {text}", self._bullet)

    def table(
        self,
        header: Sequence[str],
        rows: Sequence[Sequence[str]],
        shares: Sequence[float],
        right: Sequence[bool] = (),
    ) -> None:
        """A table across the text column: `header` as a real header row (repeated when the
        table continues on the next page), then `rows`; `shares` of the width per column,
        `right` for columns of amounts."""
        widths = [Emu(int(self.text_width * share / sum(shares))) for share in shares]
        right = list(right) + [False] * (len(shares) - len(right))
        grid = self.document.add_table(rows=len(rows) + 1, cols=len(shares))
        if self._table:
            grid._tbl.tblPr.style = self._table
        grid.autofit = False
        _fixed_width(grid, sum(widths))
        for column, width in zip(grid.columns, widths, strict=True):
            column.width = width
        for index, (row, values) in enumerate(zip(grid.rows, [header, *rows], strict=True)):
            _keep_together(row, header=index == 0)
            for cell, value, width, align_right in zip(
                row.cells, values, widths, right, strict=True
            ):
                cell.width = width
                run = cell.paragraphs[0].add_run(value)  # a new cell holds one empty paragraph
                if index == 0:
                    run.bold = True
                elif align_right:
                    cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT

    def save(self) -> bytes:
        buffer = io.BytesIO()
        self.document.save(buffer)
        return buffer.getvalue()


def _fixed_width(grid, total: int) -> None:
    """The table exactly as wide as the text column (python-docx's new table has a w:tblW
    of "auto"; `autofit = False` already made the layout fixed)."""
    width = grid._tbl.tblPr.find(qn("w:tblW"))
    width.set(qn("w:w"), str(Emu(total).twips))
    width.set(qn("w:type"), "dxa")


def _keep_together(row, *, header: bool) -> None:
    """No row is split over two pages; the header row repeats on each page of the table."""
    properties = row._tr.get_or_add_trPr()
    properties.append(OxmlElement("w:cantSplit"))
    if header:
        repeat = OxmlElement("w:tblHeader")
        repeat.set(qn("w:val"), "true")
        properties.append(repeat)
