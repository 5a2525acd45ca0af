//! Documents as PDF: A4, DejaVu fonts embedded (only the glyphs used), so every EU language's
//! letters and `€` print without any font installed on the machine. A document is written top
//! to bottom: a title, headings, paragraphs, label–value rows with a thin rule under each,
//! small print and monospaced lines for hashes; pages break by themselves and each carries a
//! footer with its number. Used for the portable case file and the signed records.
use printpdf::{
    Color, FontId, Greyscale, Line, LinePoint, Mm, Op, ParsedFont, PdfDocument, PdfFontHandle,
    PdfPage, PdfParseOptions, PdfSaveOptions, Point, Pt, TextItem,
};
use std::sync::OnceLock;

const PAGE_WIDTH: Mm = Mm(210.0);
const PAGE_HEIGHT: Mm = Mm(297.0);
const MARGIN: f32 = 56.0; // points, about 20 mm
/// The width of the label column of a row, in points.
const LABEL_WIDTH: f32 = 150.0;
const BODY_SIZE: f32 = 10.0;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Style {
    Title,
    Heading,
    Body,
    Small,
    Mono,
}

#[derive(Clone, Copy)]
enum Face {
    Regular,
    Bold,
    Mono,
}

impl Style {
    fn size(self) -> f32 {
        match self {
            Style::Title => 17.0,
            Style::Heading => 12.0,
            Style::Body => BODY_SIZE,
            Style::Small => 8.0,
            Style::Mono => 7.5,
        }
    }

    fn face(self) -> Face {
        match self {
            Style::Title | Style::Heading => Face::Bold,
            Style::Body | Style::Small => Face::Regular,
            Style::Mono => Face::Mono,
        }
    }

    fn step(self) -> f32 {
        self.size() * 1.45
    }

    /// Characters per line in `width` points: DejaVu Sans averages about 0.55 em a
    /// character, the monospaced face 0.6 em.
    fn chars_in(self, width: f32) -> usize {
        let em = if matches!(self, Style::Mono) {
            0.6
        } else {
            0.55
        };
        (width / (self.size() * em)) as usize
    }
}

enum Item {
    Text {
        style: Style,
        text: String,
    },
    Row {
        label: Vec<String>,
        value: Vec<String>,
    },
    Rule,
    Gap(f32),
    /// Start a new page unless this much room is left: keeps a block together.
    Need(f32),
}

/// A document being written, top to bottom.
pub struct TextDocument {
    title: String,
    items: Vec<Item>,
    footer: String,
    identifier: String,
}

fn parsed(bytes: &'static [u8]) -> ParsedFont {
    ParsedFont::from_bytes(bytes, 0, &mut Vec::new())
        .expect("the DejaVu fonts shipped with the dejavu crate parse")
}

fn fonts() -> &'static [ParsedFont; 3] {
    static FONTS: OnceLock<[ParsedFont; 3]> = OnceLock::new();
    FONTS.get_or_init(|| {
        [
            parsed(dejavu::sans::regular()),
            parsed(dejavu::sans::bold()),
            parsed(dejavu::sans_mono::regular()),
        ]
    })
}

fn text_width() -> f32 {
    PAGE_WIDTH.into_pt().0 - 2.0 * MARGIN
}

impl TextDocument {
    pub fn new(title: &str) -> Self {
        let mut doc = Self {
            title: title.to_string(),
            items: Vec::new(),
            footer: title.to_string(),
            identifier: String::new(),
        };
        doc.push_wrapped(Style::Title, title);
        doc.items.push(Item::Gap(BODY_SIZE * 0.5));
        doc
    }

    /// Keeps what follows together: a new page starts unless `points` of room are left.
    pub fn need(&mut self, points: f32) -> &mut Self {
        self.items.push(Item::Need(points));
        self
    }

    /// The line at the foot of every page, before the page number.
    pub fn footer(&mut self, text: &str) -> &mut Self {
        self.footer = text.to_string();
        self
    }

    /// The document's identifier in its information dictionary (kept as plain ASCII).
    pub fn identifier(&mut self, text: &str) -> &mut Self {
        self.identifier = text.to_string();
        self
    }

    pub fn heading(&mut self, text: &str) -> &mut Self {
        self.items.push(Item::Gap(BODY_SIZE * 0.8));
        self.push_wrapped(Style::Heading, text);
        self.items.push(Item::Gap(BODY_SIZE * 0.3));
        self
    }

    /// "Label: value", wrapped.
    pub fn field(&mut self, label: &str, value: &str) -> &mut Self {
        self.paragraph(&format!("{label}: {value}"))
    }

    /// A label with its value beside it, a thin rule underneath: one row of a table.
    pub fn row(&mut self, label: &str, value: &str) -> &mut Self {
        let lines = |text: &str, width: f32| {
            let width = Style::Body.chars_in(width);
            text.lines()
                .flat_map(|line| wrap(line, width))
                .collect::<Vec<_>>()
        };
        self.items.push(Item::Row {
            label: lines(label, LABEL_WIDTH - 6.0),
            value: lines(value, text_width() - LABEL_WIDTH),
        });
        self
    }

    /// Text wrapped at word boundaries; its own line breaks are kept.
    pub fn paragraph(&mut self, text: &str) -> &mut Self {
        self.push_wrapped(Style::Body, text);
        self
    }

    pub fn small(&mut self, text: &str) -> &mut Self {
        self.push_wrapped(Style::Small, text);
        self
    }

    /// Monospaced, broken at the line width: hashes, signatures, addresses.
    pub fn mono(&mut self, text: &str) -> &mut Self {
        self.push_wrapped(Style::Mono, text);
        self
    }

    pub fn rule(&mut self) -> &mut Self {
        self.items.push(Item::Rule);
        self
    }

    pub fn blank(&mut self) -> &mut Self {
        self.items.push(Item::Gap(Style::Body.step()));
        self
    }

    fn push_wrapped(&mut self, style: Style, text: &str) {
        let width = style.chars_in(text_width());
        for line in text.lines() {
            for wrapped in wrap(line, width) {
                self.items.push(Item::Text {
                    style,
                    text: wrapped,
                });
            }
        }
        if text.is_empty() {
            self.items.push(Item::Gap(style.step()));
        }
    }

    pub fn render(&self) -> Vec<u8> {
        let mut doc = PdfDocument::new(&self.title);
        doc.metadata.info.identifier = self.identifier.clone();
        let [regular, bold, mono] = fonts();
        let ids = [
            doc.add_font(regular),
            doc.add_font(bold),
            doc.add_font(mono),
        ];
        let top = PAGE_HEIGHT.into_pt().0 - MARGIN;
        let bottom = MARGIN + 14.0;
        let mut pages: Vec<Vec<Op>> = Vec::new();
        let mut ops = Vec::new();
        let mut y = top;
        for item in &self.items {
            let height = match item {
                Item::Text { style, .. } => style.step(),
                Item::Row { label, value } => {
                    Style::Body.step() * value.len().max(label.len()).max(1) as f32 + 3.0
                }
                Item::Rule => 6.0,
                Item::Gap(h) | Item::Need(h) => *h,
            };
            if y - height < bottom && !matches!(item, Item::Gap(_)) {
                pages.push(std::mem::take(&mut ops));
                y = top;
            }
            match item {
                Item::Text { style, text } => {
                    y -= style.step();
                    text_at(&mut ops, &ids, *style, MARGIN, y, text);
                }
                Item::Row { label, value } => {
                    let step = Style::Body.step();
                    for (i, line) in label.iter().enumerate() {
                        let at = y - step * (i as f32 + 1.0);
                        text_at(&mut ops, &ids, Style::Body, MARGIN, at, line);
                    }
                    for (i, line) in value.iter().enumerate() {
                        let at = y - step * (i as f32 + 1.0);
                        text_at(&mut ops, &ids, Style::Body, MARGIN + LABEL_WIDTH, at, line);
                    }
                    y -= height;
                    rule_at(&mut ops, y + 1.5);
                }
                Item::Rule => {
                    y -= height;
                    rule_at(&mut ops, y + 3.0);
                }
                Item::Gap(h) => y -= h,
                Item::Need(_) => {}
            }
        }
        pages.push(ops);
        let total = pages.len();
        let pages = pages
            .into_iter()
            .enumerate()
            .map(|(i, mut ops)| {
                let footer = format!("{} · {}/{}", self.footer, i + 1, total);
                text_at(&mut ops, &ids, Style::Small, MARGIN, MARGIN - 6.0, &footer);
                PdfPage::new(PAGE_WIDTH, PAGE_HEIGHT, ops)
            })
            .collect();
        doc.with_pages(pages)
            .save(&PdfSaveOptions::default(), &mut Vec::new())
    }
}

/// One positioned string: a text section of its own, as the cursor moves relative to the
/// section's start.
fn text_at(ops: &mut Vec<Op>, fonts: &[FontId; 3], style: Style, x: f32, y: f32, text: &str) {
    if text.is_empty() {
        return;
    }
    let font = match style.face() {
        Face::Regular => &fonts[0],
        Face::Bold => &fonts[1],
        Face::Mono => &fonts[2],
    };
    ops.extend([
        Op::StartTextSection,
        Op::SetFont {
            font: PdfFontHandle::External(font.clone()),
            size: Pt(style.size()),
        },
        Op::SetTextCursor {
            pos: Point { x: Pt(x), y: Pt(y) },
        },
        Op::ShowText {
            items: vec![TextItem::Text(text.to_string())],
        },
        Op::EndTextSection,
    ]);
}

fn rule_at(ops: &mut Vec<Op>, y: f32) {
    let point = |x: f32| LinePoint {
        p: Point { x: Pt(x), y: Pt(y) },
        bezier: false,
    };
    ops.extend([
        Op::SetOutlineColor {
            col: Color::Greyscale(Greyscale {
                percent: 0.75,
                icc_profile: None,
            }),
        },
        Op::SetOutlineThickness { pt: Pt(0.4) },
        Op::DrawLine {
            line: Line {
                points: vec![point(MARGIN), point(MARGIN + text_width())],
                is_closed: false,
            },
        },
    ]);
}

/// The text of a PDF, page by page, line by line; None when the bytes are not a readable PDF.
pub fn text_of(bytes: &[u8]) -> Option<String> {
    let doc = PdfDocument::parse(bytes, &PdfParseOptions::default(), &mut Vec::new()).ok()?;
    Some(
        doc.extract_text()
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join("\n"),
    )
}

/// Splits `line` into lines of at most `width` characters, at spaces where possible.
fn wrap(line: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut out = Vec::new();
    let mut current = String::new();
    for word in line.split(' ') {
        let mut word = word.to_string();
        while word.chars().count() > width {
            let head: String = word.chars().take(width).collect();
            word = word.chars().skip(width).collect();
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            out.push(head);
        }
        let needed =
            current.chars().count() + usize::from(!current.is_empty()) + word.chars().count();
        if needed > width && !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(&word);
    }
    out.push(current);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_keeps_every_word_and_respects_the_width() {
        let text = "Le lave-linge est arrivé cassé et la boutique refuse le remboursement de 649 €; ähnlich ärgerlich, Łódź.";
        let lines = wrap(text, 20);
        assert!(lines.iter().all(|l| l.chars().count() <= 20), "{lines:?}");
        assert_eq!(lines.join(" "), text);
        assert_eq!(wrap("", 20), vec![String::new()]);
        assert_eq!(wrap(&"x".repeat(45), 20).len(), 3);
    }

    #[test]
    fn a_document_renders_as_a_pdf_with_the_font_embedded() {
        let mut doc = TextDocument::new("Case RD-2026-000001");
        doc.heading("Summary")
            .paragraph(&"Żółć and café. ".repeat(200))
            .row("Amount", "€ 1.234,56")
            .mono(&"ab".repeat(80));
        let bytes = doc.render();
        assert!(bytes.starts_with(b"%PDF-"));
        assert!(
            bytes.windows(8).any(|w| w == b"FontFile"),
            "the font is embedded"
        );
        let text = text_of(&bytes).expect("readable");
        assert!(
            text.contains("Case RD-2026-000001")
                && text.contains("Żółć and café.")
                && text.contains("€ 1.234,56"),
            "{text}"
        );
    }
}
