//! Bar charts drawn on the server as SVG with plotters: no JavaScript, nothing fetched. Each
//! chart carries a title and a description for screen readers, and every page that shows one
//! also shows its figures as a table.
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// One row of bars: a name for the legend, a value per label.
pub struct Series<'a> {
    pub name: &'a str,
    pub values: Vec<u64>,
}

/// Colours with at least 4.5:1 contrast on white, told apart also by the legend and table.
const COLOURS: [RGBColor; 3] = [
    RGBColor(0x1d, 0x4e, 0x89),
    RGBColor(0xa3, 0x4a, 0x00),
    RGBColor(0x2e, 0x6b, 0x30),
];

/// A grouped bar chart of `series` over `labels`, `id` unique on its page.
pub fn bars(
    id: &str,
    title: &str,
    description: &str,
    labels: &[String],
    series: &[Series],
) -> String {
    // Room for each group's label under it.
    let longest = labels.iter().map(|l| l.chars().count()).max().unwrap_or(0) as u32;
    let width = 40 + (7 * longest + 12).max(56) * labels.len().max(1) as u32 + 40;
    let height = 260;
    let mut svg = String::new();
    let drawn = draw(&mut svg, (width.max(360), height), labels, series);
    if drawn.is_err() {
        svg.clear();
    }
    accessible(&svg, id, title, description)
}

fn draw(
    svg: &mut String,
    size: (u32, u32),
    labels: &[String],
    series: &[Series],
) -> Result<(), Box<dyn std::error::Error>> {
    let top = series
        .iter()
        .flat_map(|s| s.values.iter().copied())
        .max()
        .unwrap_or(0)
        .max(1);
    // Head room, and whole-number steps on the axis.
    let top = top + top.div_ceil(10);
    let root = SVGBackend::with_string(svg, size).into_drawing_area();
    root.fill(&WHITE)?;
    let mut chart = ChartBuilder::on(&root)
        .margin(8)
        .x_label_area_size(36)
        .y_label_area_size(44)
        .build_cartesian_2d(0f64..labels.len().max(1) as f64, 0f64..top as f64)?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        // The group labels are drawn below, one under the middle of each group.
        .x_labels(0)
        // Whole numbers only: these are counts (plotters' integer axes overflow on large
        // ranges, so the axis is in floating point).
        .y_labels(top.min(10) as usize + 1)
        .y_label_formatter(&|y| format!("{y:.0}"))
        .y_max_light_lines(0)
        .label_style(("sans-serif", 12).into_font().color(&BLACK))
        .axis_style(BLACK)
        .draw()?;
    let groups = series.len().max(1) as f64;
    let bar = 0.8 / groups;
    for (n, s) in series.iter().enumerate() {
        let colour = COLOURS[n % COLOURS.len()];
        chart
            .draw_series(s.values.iter().enumerate().map(|(i, v)| {
                let x0 = i as f64 + 0.1 + bar * n as f64;
                Rectangle::new([(x0, 0.0), (x0 + bar, *v as f64)], colour.filled())
            }))?
            .label(s.name)
            .legend(move |(x, y)| Rectangle::new([(x, y - 5), (x + 10, y + 5)], colour.filled()));
    }
    let label_style = ("sans-serif", 12)
        .into_font()
        .color(&BLACK)
        .pos(Pos::new(HPos::Center, VPos::Top));
    for (i, label) in labels.iter().enumerate() {
        let (x, y) = chart.backend_coord(&(i as f64 + 0.5, 0.0));
        root.draw(&Text::new(label.as_str(), (x, y + 6), label_style.clone()))?;
    }
    if series.len() > 1 {
        chart
            .configure_series_labels()
            .position(SeriesLabelPosition::UpperLeft)
            .background_style(WHITE.mix(0.9))
            .border_style(BLACK)
            .label_font(("sans-serif", 12).into_font().color(&BLACK))
            .draw()?;
    }
    root.present()?;
    Ok(())
}

/// Names the drawing for assistive technology and lets it shrink with the page.
fn accessible(svg: &str, id: &str, title: &str, description: &str) -> String {
    let escape = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    };
    let body = svg.split_once('>').map_or("</svg>", |(_, rest)| rest);
    let view_box = svg
        .split("viewBox=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or("0 0 360 260");
    format!(
        "<svg class=\"chart\" viewBox=\"{view_box}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" xmlns=\"http://www.w3.org/2000/svg\"><title id=\"{id}-title\">{}</title><desc id=\"{id}-desc\">{}</desc>{body}",
        escape(title),
        escape(description)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chart_is_named_for_screen_readers_and_draws_a_bar_per_value() {
        let labels = vec!["2026-01".to_string(), "2026-02".to_string()];
        let svg = bars(
            "trend",
            "Cases <per> month",
            "Two months",
            &labels,
            &[
                Series {
                    name: "received",
                    values: vec![3, 7],
                },
                Series {
                    name: "answered",
                    values: vec![2, 7],
                },
            ],
        );
        assert!(svg.starts_with("<svg class=\"chart\""));
        assert!(svg.contains("role=\"img\""));
        assert!(svg.contains("<title id=\"trend-title\">Cases &lt;per&gt; month</title>"));
        assert!(svg.contains("2026-02"));
        assert!(svg.contains("received"));
        assert!(svg.trim_end().ends_with("</svg>"));
        // Four bars plus the two legend swatches, in the two colours.
        assert_eq!(svg.matches("fill=\"#1D4E89\"").count(), 3);
        assert_eq!(svg.matches("fill=\"#A34A00\"").count(), 3);
    }
}
