//! The words of a signed record in the four languages of the procedure (R32). The record
//! carries the notices in the case's language, as the parties were shown them (R16).
pub struct Texts {
    pub title_settlement: &'static str,
    pub title_outcome: &'static str,
    /// `{entity}` is replaced by the entity's name.
    pub intro_settlement: &'static str,
    pub intro_outcome: &'static str,
    pub reference: &'static str,
    pub procedure: &'static str,
    pub outcome: &'static str,
    pub grounds: &'static str,
    pub parties: &'static str,
    pub consumer: &'static str,
    pub company: &'static str,
    pub representative: &'static str,
    pub neutral: &'static str,
    pub terms: &'static str,
    pub proposal: &'static str,
    pub amount: &'static str,
    pub remedies: &'static str,
    pub terms_text: &'static str,
    pub perform_by: &'static str,
    pub dates: &'static str,
    pub filed: &'static str,
    pub complete: &'static str,
    pub agreed: &'static str,
    pub settled: &'static str,
    pub closed: &'static str,
    pub issued: &'static str,
    pub notices: &'static str,
    pub seal: &'static str,
    /// `{entity}` is replaced by the entity's name.
    pub sealed_by: &'static str,
    pub key: &'static str,
    pub record_hash: &'static str,
    pub signature: &'static str,
    pub audit: &'static str,
    /// `{seq}`, `{size}` and `{root}` are replaced.
    pub audit_value: &'static str,
    /// `{url}` is replaced.
    pub verify: &'static str,
    pub consent_notices: [&'static str; 4],
    /// settled, not_settled, withdrawn, refused, lapsed
    pub outcomes: [&'static str; 5],
    /// consumer, company
    pub sides: [&'static str; 2],
    /// mediator, in_house_lawyer
    pub kinds: [&'static str; 2],
    /// refund, repair, replacement, discount, apology, other
    pub remedy_names: [&'static str; 6],
}

const OUTCOME_KEYS: [&str; 5] = ["settled", "not_settled", "withdrawn", "refused", "lapsed"];
const REMEDY_KEYS: [&str; 6] = [
    "refund",
    "repair",
    "replacement",
    "discount",
    "apology",
    "other",
];

impl Texts {
    /// The texts of `language`; English for any other.
    pub fn of(language: &str) -> &'static Texts {
        match language {
            "nl" => &NL,
            "fr" => &FR,
            "de" => &DE,
            _ => &EN,
        }
    }

    pub fn outcome_name(&self, outcome: &str) -> String {
        lookup(&OUTCOME_KEYS, &self.outcomes, outcome)
    }

    pub fn side_name(&self, side: &str) -> String {
        lookup(&["consumer", "company"], &self.sides, side)
    }

    pub fn kind_name(&self, kind: &str) -> String {
        lookup(&["mediator", "in_house_lawyer"], &self.kinds, kind)
    }

    pub fn remedy_name(&self, remedy: &str) -> String {
        lookup(&REMEDY_KEYS, &self.remedy_names, remedy)
    }
}

fn lookup(keys: &[&str], names: &[&'static str], key: &str) -> String {
    keys.iter()
        .position(|k| *k == key)
        .and_then(|i| names.get(i))
        .map_or_else(|| key.replace('_', " "), |n| n.to_string())
}

pub static EN: Texts = Texts {
    title_settlement: "Settlement record",
    title_outcome: "Outcome record",
    intro_settlement: "The parties named below settled their dispute in the procedure of {entity}. This record sets out what they agreed.",
    intro_outcome: "The procedure of {entity} in the dispute between the parties named below has ended. This record states its outcome.",
    reference: "Reference",
    procedure: "Procedure",
    outcome: "Outcome",
    grounds: "Grounds",
    parties: "Parties",
    consumer: "Consumer",
    company: "Company",
    representative: "Representative",
    neutral: "Neutral",
    terms: "Agreed terms",
    proposal: "Proposal no.",
    amount: "Amount",
    remedies: "Remedies",
    terms_text: "Terms",
    perform_by: "To be carried out by",
    dates: "Dates (limitation periods did not run during the procedure)",
    filed: "Filed",
    complete: "File complete",
    agreed: "Agreed",
    settled: "Binding after reflection",
    closed: "Closed",
    issued: "Record issued",
    notices: "What the parties were told before agreeing",
    seal: "Electronic seal",
    sealed_by: "Sealed by {entity} with an Ed25519 key: an advanced electronic seal, not a qualified one.",
    key: "Key",
    record_hash: "Record SHA-256",
    signature: "Signature",
    audit: "Audit log",
    audit_value: "entry {seq} of {size}, tree root {root}",
    verify: "Check this record at {url}, or offline with `redress settlement verify`; the signed record is inside this PDF.",
    consent_notices: crate::domain::dossier::CONSENT_NOTICES,
    outcomes: ["settled", "not settled", "withdrawn", "refused", "lapsed"],
    sides: ["consumer", "company"],
    kinds: ["mediator", "in-house lawyer"],
    remedy_names: [
        "refund",
        "repair",
        "replacement",
        "discount",
        "apology",
        "other",
    ],
};

pub static NL: Texts = Texts {
    title_settlement: "Vastlegging van de schikking",
    title_outcome: "Vastlegging van de uitkomst",
    intro_settlement: "De hieronder genoemde partijen hebben hun geschil geschikt in de procedure van {entity}. Deze vastlegging bevat wat zij zijn overeengekomen.",
    intro_outcome: "De procedure van {entity} in het geschil tussen de hieronder genoemde partijen is beëindigd. Deze vastlegging vermeldt de uitkomst.",
    reference: "Referentie",
    procedure: "Procedure",
    outcome: "Uitkomst",
    grounds: "Motivering",
    parties: "Partijen",
    consumer: "Consument",
    company: "Onderneming",
    representative: "Vertegenwoordiger",
    neutral: "Bemiddelaar",
    terms: "Overeengekomen voorwaarden",
    proposal: "Voorstel nr.",
    amount: "Bedrag",
    remedies: "Oplossing",
    terms_text: "Voorwaarden",
    perform_by: "Uit te voeren uiterlijk op",
    dates: "Data (verjaringstermijnen liepen niet tijdens de procedure)",
    filed: "Ingediend",
    complete: "Dossier compleet",
    agreed: "Overeengekomen",
    settled: "Bindend na de bedenktijd",
    closed: "Afgesloten",
    issued: "Vastlegging opgesteld",
    notices: "Wat de partijen vóór hun instemming is meegedeeld",
    seal: "Elektronisch zegel",
    sealed_by: "Verzegeld door {entity} met een Ed25519-sleutel: een geavanceerd elektronisch zegel, geen gekwalificeerd zegel.",
    key: "Sleutel",
    record_hash: "SHA-256 van de vastlegging",
    signature: "Handtekening",
    audit: "Auditlog",
    audit_value: "item {seq} van {size}, boomwortel {root}",
    verify: "Controleer deze vastlegging op {url}, of offline met `redress settlement verify`; de ondertekende vastlegging zit in deze PDF.",
    consent_notices: [
        "U bent vrij dit voorstel te weigeren; deelname verplicht u niet tot instemming.",
        "Instemming belet u niet naar de rechter te stappen; de procedure ontneemt u dat recht niet.",
        "De voorgestelde oplossing kan afwijken van wat een rechter bij toepassing van de wet zou beslissen.",
        "Als beide partijen instemmen, bindt de overeenkomst u zodra de bedenktijd is verstreken zonder dat een partij haar instemming heeft ingetrokken.",
    ],
    outcomes: [
        "geschikt",
        "niet geschikt",
        "ingetrokken",
        "geweigerd",
        "vervallen",
    ],
    sides: ["consument", "onderneming"],
    kinds: ["bemiddelaar", "interne jurist"],
    remedy_names: [
        "terugbetaling",
        "reparatie",
        "vervanging",
        "korting",
        "excuses",
        "anders",
    ],
};

pub static FR: Texts = Texts {
    title_settlement: "Constat d'accord",
    title_outcome: "Constat de fin de procédure",
    intro_settlement: "Les parties désignées ci-dessous ont réglé leur litige dans la procédure de {entity}. Le présent constat reprend ce dont elles sont convenues.",
    intro_outcome: "La procédure de {entity} dans le litige entre les parties désignées ci-dessous a pris fin. Le présent constat en indique l'issue.",
    reference: "Référence",
    procedure: "Procédure",
    outcome: "Issue",
    grounds: "Motifs",
    parties: "Parties",
    consumer: "Consommateur",
    company: "Entreprise",
    representative: "Représentant",
    neutral: "Médiateur",
    terms: "Conditions convenues",
    proposal: "Proposition n°",
    amount: "Montant",
    remedies: "Mesures",
    terms_text: "Conditions",
    perform_by: "À exécuter au plus tard le",
    dates: "Dates (les délais de prescription n'ont pas couru pendant la procédure)",
    filed: "Dépôt",
    complete: "Dossier complet",
    agreed: "Accord",
    settled: "Contraignant après le délai de réflexion",
    closed: "Clôture",
    issued: "Constat établi",
    notices: "Informations données aux parties avant leur accord",
    seal: "Cachet électronique",
    sealed_by: "Scellé par {entity} au moyen d'une clé Ed25519 : cachet électronique avancé, non qualifié.",
    key: "Clé",
    record_hash: "SHA-256 du constat",
    signature: "Signature",
    audit: "Journal d'audit",
    audit_value: "entrée {seq} sur {size}, racine {root}",
    verify: "Vérifiez ce constat sur {url}, ou hors ligne avec `redress settlement verify` ; le constat signé est contenu dans ce PDF.",
    consent_notices: [
        "Vous êtes libre de refuser cette proposition ; participer ne vous oblige pas à l'accepter.",
        "Accepter ne vous empêche pas de saisir un tribunal ; la procédure ne vous prive pas de ce droit.",
        "La solution proposée peut différer de ce que déciderait un tribunal appliquant la loi.",
        "Si les deux parties acceptent, l'accord vous lie dès que le délai de réflexion est écoulé sans qu'aucune partie ne retire son consentement.",
    ],
    outcomes: ["réglé", "non réglé", "retiré", "refusé", "caduc"],
    sides: ["consommateur", "entreprise"],
    kinds: ["médiateur", "juriste interne"],
    remedy_names: [
        "remboursement",
        "réparation",
        "remplacement",
        "réduction",
        "excuses",
        "autre",
    ],
};

pub static DE: Texts = Texts {
    title_settlement: "Vergleichsprotokoll",
    title_outcome: "Ergebnisprotokoll",
    intro_settlement: "Die unten genannten Parteien haben ihre Streitigkeit im Verfahren von {entity} beigelegt. Dieses Protokoll hält fest, was sie vereinbart haben.",
    intro_outcome: "Das Verfahren von {entity} in der Streitigkeit zwischen den unten genannten Parteien ist beendet. Dieses Protokoll nennt sein Ergebnis.",
    reference: "Aktenzeichen",
    procedure: "Verfahren",
    outcome: "Ergebnis",
    grounds: "Begründung",
    parties: "Parteien",
    consumer: "Verbraucher",
    company: "Unternehmen",
    representative: "Vertreter",
    neutral: "Schlichter",
    terms: "Vereinbarte Bedingungen",
    proposal: "Vorschlag Nr.",
    amount: "Betrag",
    remedies: "Maßnahmen",
    terms_text: "Bedingungen",
    perform_by: "Zu erfüllen bis",
    dates: "Daten (Verjährungsfristen liefen während des Verfahrens nicht)",
    filed: "Eingereicht",
    complete: "Akte vollständig",
    agreed: "Vereinbart",
    settled: "Bindend nach der Bedenkzeit",
    closed: "Abgeschlossen",
    issued: "Protokoll ausgestellt",
    notices: "Was den Parteien vor ihrer Zustimmung mitgeteilt wurde",
    seal: "Elektronisches Siegel",
    sealed_by: "Gesiegelt von {entity} mit einem Ed25519-Schlüssel: ein fortgeschrittenes, kein qualifiziertes elektronisches Siegel.",
    key: "Schlüssel",
    record_hash: "SHA-256 des Protokolls",
    signature: "Signatur",
    audit: "Audit-Log",
    audit_value: "Eintrag {seq} von {size}, Baumwurzel {root}",
    verify: "Prüfen Sie dieses Protokoll unter {url} oder offline mit `redress settlement verify`; das signierte Protokoll ist in diesem PDF enthalten.",
    consent_notices: [
        "Es steht Ihnen frei, diesen Vorschlag abzulehnen; die Teilnahme verpflichtet Sie nicht zur Zustimmung.",
        "Ihre Zustimmung hindert Sie nicht daran, ein Gericht anzurufen; das Verfahren nimmt Ihnen dieses Recht nicht.",
        "Die vorgeschlagene Lösung kann von dem abweichen, was ein Gericht nach geltendem Recht entscheiden würde.",
        "Stimmen beide Seiten zu, bindet Sie die Vereinbarung, sobald die Bedenkzeit verstrichen ist, ohne dass eine Seite ihre Zustimmung widerrufen hat.",
    ],
    outcomes: [
        "beigelegt",
        "nicht beigelegt",
        "zurückgezogen",
        "abgelehnt",
        "erloschen",
    ],
    sides: ["Verbraucher", "Unternehmen"],
    kinds: ["Schlichter", "Inhouse-Jurist"],
    remedy_names: [
        "Erstattung",
        "Reparatur",
        "Ersatz",
        "Preisnachlass",
        "Entschuldigung",
        "Sonstiges",
    ],
};
