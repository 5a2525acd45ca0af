//! The deadlock letter (R36, ADR Directive art 13(3)): when a company cannot settle a complaint
//! in its own procedure it must tell the consumer, on a durable medium, which ADR entity is
//! competent and whether it will take part. Redress writes it as a PDF in the consumer's
//! language, with a link that opens the filing form already holding the company, its
//! reference and its answer.
use crate::pdf::TextDocument;
use chrono::NaiveDate;

/// What the letter says.
pub struct DeadlockLetter<'a> {
    pub company: &'a str,
    pub consumer: &'a str,
    pub reference: &'a str,
    pub complained_on: NaiveDate,
    pub written_on: NaiveDate,
    pub takes_part: bool,
    pub entity: &'a str,
    pub entity_website: &'a str,
    /// Where the consumer files straight from the letter.
    pub filing_link: &'a str,
    pub language: &'a str,
}

struct Words {
    title: &'static str,
    to: &'static str,
    date: &'static str,
    reference: &'static str,
    examined: &'static str,
    competent: &'static str,
    takes_part: &'static str,
    does_not: &'static str,
    file: &'static str,
    free: &'static str,
}

fn words(language: &str) -> Words {
    match language {
        "nl" => Words {
            title: "Ons definitieve antwoord op uw klacht",
            to: "Aan",
            date: "Datum",
            reference: "Ons kenmerk",
            examined: "Wij hebben uw klacht van {date} onderzocht en konden haar niet met u oplossen.",
            competent: "De instantie voor alternatieve geschillenbeslechting die voor dit geschil bevoegd is: {entity} ({website}).",
            takes_part: "Wij nemen deel aan de procedure van deze instantie.",
            does_not: "Wij nemen niet deel aan de procedure van deze instantie.",
            file: "U kunt uw klacht daar rechtstreeks indienen via deze link; ons kenmerk en dit antwoord gaan mee:",
            free: "Uw recht om naar de rechter te stappen blijft onverlet.",
        },
        "fr" => Words {
            title: "Notre réponse définitive à votre réclamation",
            to: "À",
            date: "Date",
            reference: "Notre référence",
            examined: "Nous avons examiné votre réclamation du {date} et n'avons pas pu la régler avec vous.",
            competent: "L'entité de règlement extrajudiciaire des litiges compétente pour ce litige est {entity} ({website}).",
            takes_part: "Nous participerons à la procédure de cette entité.",
            does_not: "Nous ne participerons pas à la procédure de cette entité.",
            file: "Vous pouvez y introduire votre réclamation directement par ce lien ; notre référence et cette réponse l'accompagnent :",
            free: "Votre droit de saisir un tribunal n'en est pas affecté.",
        },
        "de" => Words {
            title: "Unsere abschließende Antwort auf Ihre Beschwerde",
            to: "An",
            date: "Datum",
            reference: "Unser Zeichen",
            examined: "Wir haben Ihre Beschwerde vom {date} geprüft und konnten sie mit Ihnen nicht beilegen.",
            competent: "Die für diese Streitigkeit zuständige Stelle zur alternativen Streitbeilegung ist {entity} ({website}).",
            takes_part: "Wir nehmen an deren Verfahren teil.",
            does_not: "Wir nehmen an deren Verfahren nicht teil.",
            file: "Sie können Ihre Beschwerde dort über diesen Link direkt einreichen; unser Zeichen und diese Antwort werden mitgegeben:",
            free: "Ihr Recht, ein Gericht anzurufen, bleibt unberührt.",
        },
        _ => Words {
            title: "Our final answer to your complaint",
            to: "To",
            date: "Date",
            reference: "Our reference",
            examined: "We examined your complaint of {date} and could not settle it with you.",
            competent: "The alternative dispute resolution entity competent for this dispute is {entity} ({website}).",
            takes_part: "We will take part in its procedure.",
            does_not: "We will not take part in its procedure.",
            file: "You can file your complaint there directly with this link; our reference and this answer go with it:",
            free: "Your right to go to court is not affected.",
        },
    }
}

/// The letter as an A4 PDF with its fonts embedded.
pub fn deadlock_letter(l: &DeadlockLetter) -> Vec<u8> {
    let w = words(l.language);
    let title = format!("{}: {}", l.company, w.title);
    let mut doc = TextDocument::new(&title);
    doc.row(w.to, l.consumer)
        .row(w.date, &l.written_on.to_string())
        .row(w.reference, l.reference)
        .rule()
        .paragraph(&w.examined.replace("{date}", &l.complained_on.to_string()))
        .paragraph(
            &w.competent
                .replace("{entity}", l.entity)
                .replace("{website}", l.entity_website),
        )
        .paragraph(if l.takes_part {
            w.takes_part
        } else {
            w.does_not
        })
        .paragraph(w.file)
        .mono(l.filing_link)
        .paragraph(w.free)
        .footer(&format!("{} · {}", l.company, l.reference));
    doc.render()
}
