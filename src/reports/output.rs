//! The activity report as a table of figures (CSV), a document (PDF) and a page (HTML with
//! charts). All three are made from the same rows, so they always agree.
use super::activity::{ActivityReport, Count};
use super::chart::{self, Series};
use crate::pdf::TextDocument;
use rocket_dyn_templates::handlebars::Handlebars;
use serde::Serialize;
use std::path::Path;

/// One figure of the report: the section it belongs to, what it counts, and how many.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Row {
    pub section: &'static str,
    pub item: String,
    pub value: String,
    /// Percent, one decimal; empty when the figure is not a share.
    pub share: String,
}

fn percent(share: Option<f64>) -> String {
    share.map_or_else(String::new, |s| format!("{s:.1}"))
}

fn days(value: Option<f64>) -> String {
    value.map_or_else(|| "no case ended".into(), |d| format!("{d:.1}"))
}

/// The rows of a report, built section by section.
#[derive(Default)]
struct Rows(Vec<Row>);

impl Rows {
    fn one(&mut self, section: &'static str, item: &str, value: String, share: Option<f64>) {
        self.0.push(Row {
            section,
            item: item.to_string(),
            value,
            share: percent(share),
        });
    }

    fn count(&mut self, section: &'static str, c: &Count) {
        self.one(section, &c.label, c.count.to_string(), c.share);
    }

    fn list(&mut self, section: &'static str, items: &[Count]) {
        for c in items {
            self.count(section, c);
        }
    }
}

/// Every figure the report gives, in the order the law lists them (art 7(2), R24, R37).
pub fn rows(r: &ActivityReport) -> Vec<Row> {
    let mut rows = Rows::default();
    rows.one(
        "received",
        "disputes received",
        r.received.to_string(),
        None,
    );
    rows.list("received by type", &r.by_type);
    rows.list("received by remedy sought", &r.by_remedy);
    rows.list("received by sector", &r.by_sector);
    rows.count("cross-border", &r.cross_border);
    rows.list("recurring problems: companies", &r.top_companies);
    rows.list("recurring problems: sector and remedy", &r.top_problems);
    rows.one("ended", "procedures ended", r.ended.to_string(), None);
    rows.list("outcomes", &r.outcomes);
    rows.count("refused", &r.refused);
    rows.list("refusal grounds", &r.refusal_grounds);
    rows.count("discontinued", &r.discontinued);
    rows.list("discontinued because", &r.discontinued_reasons);
    let time = "time to outcome";
    rows.one(
        time,
        "mean days from filing",
        days(r.mean_days_to_outcome),
        None,
    );
    rows.one(
        time,
        "median days from filing",
        days(r.median_days_to_outcome),
        None,
    );
    let c = &r.compliance;
    rows.one(
        "compliance",
        "settlements with the consumer's word on compliance",
        c.reports.to_string(),
        None,
    );
    rows.one(
        "compliance",
        "carried out as agreed",
        c.complied.to_string(),
        c.rate,
    );
    if let Some(paid) = &r.trader_paid {
        let section = "trader-paid procedures (R37)";
        rows.one(section, "procedures ended", paid.ended.to_string(), None);
        rows.list(section, &paid.split);
    }
    let t = &r.training;
    let training = "neutral training";
    rows.one(training, "entries", t.entries.to_string(), None);
    rows.one(
        training,
        "hours",
        format!("{:.1}", t.minutes as f64 / 60.0),
        None,
    );
    rows.one(
        training,
        "neutrals trained",
        t.neutrals_trained.to_string(),
        super::share(t.neutrals_trained, t.neutrals),
    );
    rows.one(
        "assessment",
        "assessment of effectiveness",
        r.assessment.clone().unwrap_or_default(),
        None,
    );
    rows.0
}

/// CSV with a header line: section, item, value, share_percent.
pub fn csv(r: &ActivityReport) -> anyhow::Result<Vec<u8>> {
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record(["section", "item", "value", "share_percent"])?;
    for row in rows(r) {
        out.write_record([row.section, &row.item, &row.value, &row.share])?;
    }
    Ok(out.into_inner()?)
}

/// An A4 document of the same rows, section by section.
pub fn pdf(r: &ActivityReport) -> Vec<u8> {
    let title = format!("{}: activity report {}", r.entity, r.period_name);
    let mut doc = TextDocument::new(&title);
    doc.small(&format!(
        "Generated {} UTC. Disputes received count the cases filed in the period; outcomes, times and compliance count the procedures that ended in it.",
        r.generated_at.format("%Y-%m-%d %H:%M")
    ));
    let mut section = "";
    for row in rows(r) {
        if row.section != section {
            section = row.section;
            doc.need(60.0).heading(&capitalised(section));
        }
        if row.section == "assessment" {
            let text = if row.value.is_empty() {
                "No assessment written yet."
            } else {
                &row.value
            };
            doc.paragraph(text);
            continue;
        }
        let value = if row.share.is_empty() {
            row.value
        } else {
            format!("{} ({} %)", row.value, row.share)
        };
        doc.row(&row.item, &value);
    }
    doc.footer(&title);
    doc.render()
}

fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// What the report's page and document show besides the figures: charts and the rows.
#[derive(Serialize)]
pub struct Presented<'a> {
    pub r: &'a ActivityReport,
    pub rows: Vec<Row>,
    pub charts: Vec<String>,
}

pub fn present(r: &ActivityReport) -> Presented<'_> {
    let bar = |id: &str, title: &str, items: &[Count]| {
        let labels: Vec<String> = items.iter().map(|c| c.label.clone()).collect();
        let description = items
            .iter()
            .map(|c| format!("{}: {}", c.label, c.count))
            .collect::<Vec<_>>()
            .join("; ");
        chart::bars(
            id,
            title,
            &description,
            &labels,
            &[Series {
                name: "cases",
                values: items.iter().map(|c| c.count).collect(),
            }],
        )
    };
    let mut ended = r.outcomes.clone();
    ended.push(r.refused.clone());
    ended.push(r.discontinued.clone());
    let mut charts = vec![bar("ended", "How procedures ended", &ended)];
    if !r.refusal_grounds.is_empty() {
        charts.push(bar("grounds", "Refusals by ground", &r.refusal_grounds));
    }
    if !r.by_sector.is_empty() {
        charts.push(bar("sectors", "Disputes received by sector", &r.by_sector));
    }
    Presented {
        r,
        rows: rows(r),
        charts,
    }
}

/// A standalone HTML document, from `templates/report_document.html.hbs` and its
/// `report_body` part (the staff page shows the same part).
pub fn html(r: &ActivityReport, templates_dir: &Path) -> anyhow::Result<String> {
    let mut hb = Handlebars::new();
    for name in ["report_document", "report_body"] {
        hb.register_template_file(name, templates_dir.join(format!("{name}.html.hbs")))?;
    }
    Ok(hb.render("report_document", &present(r))?)
}
