//! Plain text documents as PDF (A4, DejaVu Sans embedded, only the glyphs used): headings,
//! label–value fields and wrapped paragraphs, paginated. Used for the portable case file; the
//! embedded font writes every EU language's letters, which the PDF base fonts cannot.
use printpdf::{
    Mm, Op, ParsedFont, PdfDocument, PdfFontHandle, PdfPage, PdfParseOptions, PdfSaveOptions,
    Point, Pt, TextItem,
};
use std::sync::OnceLock;

const PAGE_WIDTH: Mm = Mm(210.0);
const PAGE_HEIGHT: Mm = Mm(297.0);
const MARGIN: f32 = 56.0; // points, about 20 mm
const BODY_SIZE: f32 = 10.0;
/// Characters per line at the body size: DejaVu Sans averages about 0.55 em per character.
const BODY_CHARS: usize = 88;

#[derive(Clone, Copy)]
enum Style {
    Title,
    Heading,
    Body,
}

impl Style {
    fn size(self) -> f32 {
        match self {
            Style::Title => 16.0,
            Style::Heading => 12.5,
            Style::Body => BODY_SIZE,
        }
    }
}

/// A document being written, top to bottom.
pub struct TextDocument {
    title: String,
    lines: Vec<(Style, String)>,
}

fn font() -> &'static ParsedFont {
    static FONT: OnceLock<ParsedFont> = OnceLock::new();
    FONT.get_or_init(|| {
        ParsedFont::from_bytes(dejavu::sans::regular(), 0, &mut Vec::new())
            .expect("the DejaVu Sans font shipped with the dejavu crate parses")
    })
}

impl TextDocument {
    pub fn new(title: &str) -> Self {
        Self {
            title: title.to_string(),
            lines: vec![(Style::Title, title.to_string())],
        }
    }

    pub fn heading(&mut self, text: &str) -> &mut Self {
        self.lines.push((Style::Body, String::new()));
        self.lines.push((Style::Heading, text.to_string()));
        self
    }

    /// "Label: value", wrapped.
    pub fn field(&mut self, label: &str, value: &str) -> &mut Self {
        self.paragraph(&format!("{label}: {value}"))
    }

    /// Text wrapped at word boundaries; its own line breaks are kept.
    pub fn paragraph(&mut self, text: &str) -> &mut Self {
        for line in text.lines() {
            for wrapped in wrap(line, BODY_CHARS) {
                self.lines.push((Style::Body, wrapped));
            }
        }
        self
    }

    pub fn blank(&mut self) -> &mut Self {
        self.lines.push((Style::Body, String::new()));
        self
    }

    pub fn render(&self) -> Vec<u8> {
        let mut doc = PdfDocument::new(&self.title);
        let font = doc.add_font(font());
        let height = PAGE_HEIGHT.into_pt().0;
        let mut pages = Vec::new();
        let mut ops = Vec::new();
        let mut y = height - MARGIN;
        for (style, text) in &self.lines {
            let step = style.size() * 1.45;
            if y - step < MARGIN {
                pages.push(PdfPage::new(
                    PAGE_WIDTH,
                    PAGE_HEIGHT,
                    std::mem::take(&mut ops),
                ));
                y = height - MARGIN;
            }
            y -= step;
            if text.is_empty() {
                continue;
            }
            // One text section per line: the cursor is relative to the section's start.
            ops.extend([
                Op::StartTextSection,
                Op::SetFont {
                    font: PdfFontHandle::External(font.clone()),
                    size: Pt(style.size()),
                },
                Op::SetTextCursor {
                    pos: Point {
                        x: Pt(MARGIN),
                        y: Pt(y),
                    },
                },
                Op::ShowText {
                    items: vec![TextItem::Text(text.clone())],
                },
                Op::EndTextSection,
            ]);
        }
        pages.push(PdfPage::new(PAGE_WIDTH, PAGE_HEIGHT, ops));
        doc.with_pages(pages)
            .save(&PdfSaveOptions::default(), &mut Vec::new())
    }
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
            .paragraph(&"Żółć and café. ".repeat(200));
        let bytes = doc.render();
        assert!(bytes.starts_with(b"%PDF-"));
        assert!(
            bytes.windows(8).any(|w| w == b"FontFile"),
            "the font is embedded"
        );
        let text = text_of(&bytes).expect("readable");
        assert!(
            text.contains("Case RD-2026-000001") && text.contains("Żółć and café."),
            "{text}"
        );
    }
}
