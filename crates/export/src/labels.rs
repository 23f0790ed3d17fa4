//! Words that exist only for assistive technology (the accessible names of the
//! footnote links, the footnotes region and the actions' navigation) and the
//! printed page numbers of the running footer.
//!
//! They are part of the release, not of the interface, so they are written in
//! the release's language (English, French or Spanish, like every other word
//! Dateline prints): a French release must not announce "Footnotes".

use dateline_core::dateline::DateLanguage;
use dateline_core::Language;

/// The accessible names of one release, in its language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct A11yLabels(DateLanguage);

impl A11yLabels {
    /// The names in `lang` (English unless it is French or Spanish).
    pub fn new(lang: &Language) -> A11yLabels {
        A11yLabels(lang.words())
    }

    /// Name of the footnotes region.
    pub fn footnotes(self) -> &'static str {
        match self.0 {
            DateLanguage::French => "Notes",
            DateLanguage::Spanish => "Notas",
            DateLanguage::English => "Footnotes",
        }
    }

    /// Name of the link from the text to footnote `n` (the link shows only `*`).
    pub fn footnote(self, n: usize) -> String {
        match self.0 {
            DateLanguage::French => format!("Note {n}"),
            DateLanguage::Spanish => format!("Nota {n}"),
            DateLanguage::English => format!("Footnote {n}"),
        }
    }

    /// Name of the link from footnote `n` back to where it is referenced.
    pub fn back_to_reference(self, n: usize) -> String {
        match self.0 {
            DateLanguage::French => format!("Retour à l’appel de note {n}"),
            DateLanguage::Spanish => format!("Volver a la llamada {n}"),
            DateLanguage::English => format!("Back to reference {n}"),
        }
    }

    /// Name of the actions' navigation when the release gives it no title.
    pub fn links(self) -> &'static str {
        match self.0 {
            DateLanguage::French => "Liens",
            DateLanguage::Spanish => "Enlaces",
            DateLanguage::English => "Links",
        }
    }
}

/// The running footer's page numbers ("Page 2 of 3"), in the release's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageLabels(DateLanguage);

impl PageLabels {
    /// The words in `lang` (English unless it is French or Spanish).
    pub fn new(lang: &Language) -> PageLabels {
        PageLabels(lang.words())
    }

    /// The words around the two numbers: ("Page ", " of ").
    pub fn words(self) -> (&'static str, &'static str) {
        match self.0 {
            DateLanguage::French => ("Page ", " sur "),
            DateLanguage::Spanish => ("Página ", " de "),
            DateLanguage::English => ("Page ", " of "),
        }
    }

    /// "Page `n` of `total`".
    pub fn page_of(self, n: usize, total: usize) -> String {
        let (page, of) = self.words();
        format!("{page}{n}{of}{total}")
    }
}

impl Default for PageLabels {
    fn default() -> PageLabels {
        PageLabels(DateLanguage::English)
    }
}

impl Default for A11yLabels {
    fn default() -> A11yLabels {
        A11yLabels(DateLanguage::English)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_follow_the_release_language() {
        let fr = A11yLabels::new(&Language::new("fr-CH"));
        assert_eq!(fr.footnotes(), "Notes");
        assert_eq!(fr.footnote(1), "Note 1");
        assert_eq!(fr.back_to_reference(2), "Retour à l’appel de note 2");
        let es = A11yLabels::new(&Language::new("es-MX"));
        assert_eq!(es.footnote(1), "Nota 1");
        let en = A11yLabels::new(&Language::new("en-US"));
        assert_eq!(en.footnote(3), "Footnote 3");
        assert_eq!(en.back_to_reference(3), "Back to reference 3");
        assert_eq!(A11yLabels::new(&Language::new("de")), A11yLabels::default());
    }

    #[test]
    fn page_numbers_follow_the_release_language() {
        let page = |tag: &str| PageLabels::new(&Language::new(tag)).page_of(2, 3);
        assert_eq!(page("en-GB"), "Page 2 of 3");
        assert_eq!(page("fr"), "Page 2 sur 3");
        assert_eq!(page("es-ES"), "Página 2 de 3");
        assert_eq!(page("ru"), "Page 2 of 3");
    }
}
