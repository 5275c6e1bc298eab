//! Sharing a view and citing an excerpt: links are read against the story
//! open (its regions, excerpts and organizations), and citations are made
//! from the article's metadata and the excerpt's exact text.

use super::*;
use crate::cite::Citation;
use crate::view_link::{LinkAnswer, LinkChecks, ViewLink};

impl LinkChecks for Api {
    fn has_region(&self, id: &str) -> bool {
        self.region_pos.contains_key(id)
    }
    fn has_excerpt(&self, id: &str) -> bool {
        self.ds.excerpts.iter().any(|x| x.id == id)
    }
    fn has_organization(&self, id: &str) -> bool {
        self.ds.organizations.iter().any(|o| o.id == id)
    }
}

impl Api {
    /// Read a link to a view (`#at=…`, `faultlines://view?…`); never fails:
    /// what it leaves out is listed in `ignored`.
    pub fn read_link(&self, link: &str) -> LinkAnswer {
        let (view, ignored) = ViewLink::parse(link, self);
        LinkAnswer {
            query: view.to_query(),
            view,
            ignored,
        }
    }

    /// The citation of one excerpt: plain text, BibTeX and CSL-JSON.
    pub fn cite(&self, excerpt: &str) -> Result<Citation, ApiError> {
        let x = self.excerpt(excerpt)?.excerpt;
        Ok(crate::cite::cite(&self.ds.meta.article, &x.id, &x.text))
    }
}
