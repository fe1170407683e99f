//! The tag set: each token is outside any attribution, or begins or continues
//! its cue, its source or its content (BIO over three roles).

/// A token's role in an attribution.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Tag {
    Outside = 0,
    CueBegin = 1,
    CueInside = 2,
    SourceBegin = 3,
    SourceInside = 4,
    ContentBegin = 5,
    ContentInside = 6,
}

/// Number of tags; weight rows are padded to [`ROW`] for aligned sums.
pub const TAGS: usize = 7;
pub const ROW: usize = 8;

pub const ALL: [Tag; TAGS] = [
    Tag::Outside,
    Tag::CueBegin,
    Tag::CueInside,
    Tag::SourceBegin,
    Tag::SourceInside,
    Tag::ContentBegin,
    Tag::ContentInside,
];

/// The three roles a tag can mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Cue,
    Source,
    Content,
}

impl Tag {
    pub fn from_index(i: usize) -> Tag {
        ALL[i]
    }

    pub fn role(self) -> Option<Role> {
        match self {
            Tag::Outside => None,
            Tag::CueBegin | Tag::CueInside => Some(Role::Cue),
            Tag::SourceBegin | Tag::SourceInside => Some(Role::Source),
            Tag::ContentBegin | Tag::ContentInside => Some(Role::Content),
        }
    }

    #[cfg(feature = "train")]
    pub fn begin(role: Role) -> Tag {
        match role {
            Role::Cue => Tag::CueBegin,
            Role::Source => Tag::SourceBegin,
            Role::Content => Tag::ContentBegin,
        }
    }

    #[cfg(feature = "train")]
    pub fn inside(role: Role) -> Tag {
        match role {
            Role::Cue => Tag::CueInside,
            Role::Source => Tag::SourceInside,
            Role::Content => Tag::ContentInside,
        }
    }

    pub fn is_inside(self) -> bool {
        matches!(
            self,
            Tag::CueInside | Tag::SourceInside | Tag::ContentInside
        )
    }

    /// May this tag follow `prev`? An inside tag only continues its own role.
    pub fn may_follow(self, prev: Tag) -> bool {
        !self.is_inside() || prev.role() == self.role()
    }
}

/// A run of tokens with one role: `first..end`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Run {
    pub role: Role,
    pub first: usize,
    pub end: usize,
}

/// The runs of a tag sequence, in text order.
pub fn runs(tags: &[Tag]) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::new();
    for (i, &t) in tags.iter().enumerate() {
        let Some(role) = t.role() else { continue };
        match out.last_mut() {
            Some(r) if t.is_inside() && r.role == role && r.end == i => r.end = i + 1,
            _ => out.push(Run {
                role,
                first: i,
                end: i + 1,
            }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_split_at_begin_tags() {
        use Tag::*;
        let tags = [
            SourceBegin,
            CueBegin,
            ContentBegin,
            ContentInside,
            ContentBegin,
            Outside,
        ];
        let r = runs(&tags);
        assert_eq!(r.len(), 4);
        assert_eq!((r[2].first, r[2].end), (2, 4));
        assert_eq!((r[3].first, r[3].end), (4, 5));
    }

    #[test]
    fn inside_continues_only_its_role() {
        assert!(!Tag::ContentInside.may_follow(Tag::Outside));
        assert!(!Tag::ContentInside.may_follow(Tag::CueBegin));
        assert!(Tag::ContentInside.may_follow(Tag::ContentBegin));
        assert!(Tag::CueBegin.may_follow(Tag::ContentInside));
    }
}
