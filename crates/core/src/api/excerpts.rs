//! The article's excerpts for a region or by id, and the article itself.

use super::*;

/// An excerpt with what it links to.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ExcerptView {
    pub excerpt: Excerpt,
    pub events: Vec<EventRef>,
    /// Why it is listed for the region asked about (`excerpts_for_region`
    /// only).
    pub link: Option<crate::relevance::ExcerptLink>,
}

/// `excerpts_for_region`.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct RegionExcerpts {
    pub region: Region,
    pub excerpts: Vec<ExcerptView>,
    /// Events concerning the region, in time order.
    pub events: Vec<EventRef>,
}

/// The article with its annotations.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Article {
    pub meta: ArticleMeta,
    pub text: String,
    pub excerpts: Vec<Excerpt>,
    /// Place names found in the text (character offsets).
    pub mentions: Vec<crate::link::Mention>,
}

impl Api {
    /// The article's passages about a region, most relevant first (see
    /// [`crate::relevance`]); each says why it is listed, and its
    /// `excerpt.start` gives article order.
    pub fn excerpts_for_region(&self, region: &str) -> Result<RegionExcerpts, ApiError> {
        let r = self.region(region)?.clone();
        let excerpts = self
            .excerpts_by_region
            .get(region)
            .into_iter()
            .flatten()
            .map(|&i| self.excerpt_view(&self.ds.excerpts[i], Some(region)))
            .collect();
        let events = self
            .by_region
            .get(region)
            .into_iter()
            .flatten()
            .map(|&i| event_ref(&self.ds.events.row(i as usize)))
            .collect();
        Ok(RegionExcerpts {
            region: r,
            excerpts,
            events,
        })
    }

    /// One excerpt with its regions and events.
    pub fn excerpt(&self, id: &str) -> Result<ExcerptView, ApiError> {
        self.ds
            .excerpts
            .iter()
            .find(|x| x.id == id)
            .map(|x| self.excerpt_view(x, None))
            .ok_or_else(|| {
                ApiError::param(
                    ErrorCode::UnknownExcerpt,
                    "excerpt",
                    id,
                    format!("no excerpt has the id {id:?}"),
                )
            })
    }

    /// The article text and metadata with every excerpt and place mention, for the reading view.
    pub fn article(&self) -> Article {
        let gaz = crate::link::Gazetteer::new(&self.ds.gazetteer, &self.ds.regions);
        Article {
            meta: self.ds.meta.article.clone(),
            text: self.ds.article.clone(),
            excerpts: self.ds.excerpts.clone(),
            mentions: gaz.mentions(&self.ds.article),
        }
    }
}
